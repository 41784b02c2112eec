import YAML

extension String {
  /// The string without leading and trailing spaces, tabs and line breaks.
  func trimmingWhitespace() -> String {
    var slice = Substring(self)
    while let first = slice.first, first.isWhitespace { slice.removeFirst() }
    while let last = slice.last, last.isWhitespace { slice.removeLast() }
    return String(slice)
  }

  /// The string padded with spaces to `width` characters.
  func padded(to width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}

extension YAMLNode {
  /// The elements, when this node is a sequence; otherwise none.
  var elements: [YAMLNode] { sequence?.items ?? [] }

  /// The scalar's text (a string, or a number written as text).
  var text: String? { scalar?.text }

  /// The integer value of an integer scalar, or of a string of digits.
  var integerValue: Int? {
    guard let scalar else { return nil }
    if case .integer(let value) = scalar.value { return value }
    return Int(scalar.text)
  }
}
