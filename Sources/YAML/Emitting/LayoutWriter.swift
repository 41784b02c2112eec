#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What to put above one output line: a blank line, comment lines, or both.
struct LineDecoration {
  var blankLine = false
  var comment: String?

  var isEmpty: Bool { !blankLine && comment == nil }

  mutating func merge(_ other: LineDecoration) {
    blankLine = blankLine || other.blankLine
    if let comment = other.comment {
      self.comment = self.comment.map { $0 + "\n" + comment } ?? comment
    }
  }
}

/// Which line of a batch a decoration belongs above.
enum DecoratedLine {
  /// The line on which the batch writes its first non-space character, even if an
  /// earlier batch began that line (a mapping's first key after `- - `).
  case lineOfFirstContent
  /// The first line the batch begins (a mapping's first key under `Key:`).
  case firstLineBegun
  /// The last line the batch begins, or the line it continues when it begins none
  /// (a mapping's later keys).
  case lastLineBegun
}

/// Adds the layout libyaml cannot produce to its output, without touching data.
///
/// libyaml writes sequences under a mapping key "indentless" (`Key:` then `- item`
/// at the key's column) and never writes blank lines or comments. This writer
/// receives libyaml's output one processed batch of events at a time, each batch
/// with the number of indentless sequences around it, and
/// - shifts every line whose content the batch writes right by two spaces per
///   enclosing indentless sequence (empty lines stay empty, so literal block
///   content only ever moves as a whole);
/// - puts a blank line and/or comment lines above the line the emitter names.
///
/// The current line stays in the sink's buffer until it ends, so a decoration
/// can still go above a line that an earlier batch began.
final class LayoutWriter {
  private let sink: OutputSink
  /// Whether the last byte written ends a line, so that the next batch's first
  /// byte begins one (and decides its shift).
  @exclusivity(unchecked) private var atLineStart = true

  init(sink: OutputSink) {
    self.sink = sink
  }

  /// Writes one batch.
  /// - Parameters:
  ///   - chunk: the bytes libyaml wrote for the batch.
  ///   - depth: how many indentless sequences enclose the batch's lines.
  ///   - decorations: what goes above which line of the batch.
  func write(_ chunk: UnsafeBufferPointer<UInt8>, depth: Int, decorations: [(DecoratedLine, LineDecoration)]) {
    let count = chunk.count
    guard count > 0, let base = chunk.baseAddress else { return }
    let shift = 2 * depth
    if shift == 0 && decorations.isEmpty {
      // Nothing to add: the common case at the top of a document.
      sink.append(chunk)
      atLineStart = chunk[count - 1] == UInt8(ascii: "\n")
      sink.flushIfFull()
      return
    }
    var aboveFirstBegun: LineDecoration?
    var aboveLastBegun: LineDecoration?
    for (line, decoration) in decorations {
      switch line {
      case .lineOfFirstContent where !atLineStart && !Self.beginsWithLineBreak(chunk):
        insertAboveCurrentLine(decoration)
      case .lineOfFirstContent, .firstLineBegun:
        if aboveFirstBegun == nil { aboveFirstBegun = decoration } else { aboveFirstBegun!.merge(decoration) }
      case .lastLineBegun:
        aboveLastBegun = decoration
      }
    }
    var lastNewline = -1
    if let decoration = aboveLastBegun {
      var index = count - 1
      while index >= 0 && chunk[index] != UInt8(ascii: "\n") { index -= 1 }
      lastNewline = index
      if index < 0 && !atLineStart {
        // The batch begins no line: its last line is the one it continues.
        insertAboveCurrentLine(decoration)
        aboveLastBegun = nil
      }
    }
    var position = 0
    if atLineStart && chunk[0] != UInt8(ascii: "\n") {
      beginLine(chunk, at: 0, shift: shift, lastNewline: lastNewline, &aboveFirstBegun, &aboveLastBegun)
    }
    while position < count {
      guard let found = memchr(base + position, Int32(UInt8(ascii: "\n")), count - position) else {
        sink.append(UnsafeBufferPointer(rebasing: chunk[position..<count]))
        atLineStart = false
        return
      }
      let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
      sink.append(UnsafeBufferPointer(rebasing: chunk[position..<end]))
      position = end
      sink.flushIfFull()
      if position < count && chunk[position] != UInt8(ascii: "\n") {
        beginLine(chunk, at: position, shift: shift, lastNewline: lastNewline, &aboveFirstBegun, &aboveLastBegun)
      }
    }
    atLineStart = true
  }

  /// A line with content begins at `position`: decorations above it, then its shift.
  @inline(__always)
  private func beginLine(
    _ chunk: UnsafeBufferPointer<UInt8>, at position: Int, shift: Int, lastNewline: Int,
    _ aboveFirstBegun: inout LineDecoration?, _ aboveLastBegun: inout LineDecoration?
  ) {
    if aboveFirstBegun != nil || (aboveLastBegun != nil && position > lastNewline) {
      var decoration = LineDecoration()
      if let first = aboveFirstBegun { decoration.merge(first) }
      if position > lastNewline, let last = aboveLastBegun {
        decoration.merge(last)
        aboveLastBegun = nil
      }
      aboveFirstBegun = nil
      var indentation = shift
      while position + indentation - shift < chunk.count && chunk[position + indentation - shift] == UInt8(ascii: " ") {
        indentation += 1
      }
      sink.append(contentsOf: Self.decorationBytes(decoration, indentation: indentation))
    }
    sink.appendSpaces(shift)
  }

  /// Writes text outside libyaml's output (a header comment) as is.
  func writeVerbatim(_ text: String) {
    sink.append(text)
    atLineStart = text.utf8.last.map { $0 == UInt8(ascii: "\n") } ?? atLineStart
  }

  private func insertAboveCurrentLine(_ decoration: LineDecoration) {
    let lineStart = sink.currentLineStart
    var indentation = 0
    while lineStart + indentation < sink.count && sink[lineStart + indentation] == UInt8(ascii: " ") {
      indentation += 1
    }
    sink.insert(Self.decorationBytes(decoration, indentation: indentation), at: lineStart)
  }

  /// Whether the first byte that is not a space is a line break.
  private static func beginsWithLineBreak(_ chunk: UnsafeBufferPointer<UInt8>) -> Bool {
    for byte in chunk where byte != UInt8(ascii: " ") { return byte == UInt8(ascii: "\n") }
    return false
  }

  static func decorationBytes(_ decoration: LineDecoration, indentation: Int) -> [UInt8] {
    var text: [UInt8] = decoration.blankLine ? [UInt8(ascii: "\n")] : []
    if let comment = decoration.comment {
      for line in comment.split(separator: "\n", omittingEmptySubsequences: false) {
        text.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indentation))
        text.append(contentsOf: (line.isEmpty ? "#\n" : "# \(line)\n").utf8)
      }
    }
    return text
  }
}
