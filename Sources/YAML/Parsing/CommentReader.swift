import CYAML

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Recovers the comments above the keys of block mappings from the source bytes,
/// since libyaml's event parser reports no comments.
///
/// The comment of a key is made of the whole lines between the end of the
/// previous content event and the key whose first non-blank character is `#`:
/// the `#` and one space after it are removed, and the lines are joined with
/// line feeds (a bare `#` is an empty line). Other lines between them (blank
/// lines, `---`, a tag on its own line) are passed over. Comments before a
/// sequence item, an explicit key or its value are not the key's: a line
/// beginning with the indicator `- `, `? ` or `: ` drops those above it, and
/// nothing is kept when the key does not begin its line (`- Key: value`). Text
/// after content on its line (`Key: value # note`) is not a whole line, and the
/// text of scalars, block scalars included, lies within their events, so
/// neither is ever taken for a comment.
///
/// libyaml's marks count characters, not bytes; a cursor turns them into byte
/// offsets, moving forward only, 32 ASCII bytes at a time, and only when a key
/// is at least a whole line away from the content before it.
struct CommentReader {
  private let source: UnsafeBufferPointer<UInt8>
  /// Whether the source is UTF-8 (comments are not read from UTF-16 input).
  private let isUTF8: Bool
  /// The first byte after a UTF-8 byte-order mark, which libyaml does not count.
  private let firstByte: Int
  /// Where the last content event ended.
  private var contentEnd = yaml_mark_t()
  /// A position known both as libyaml's character index and as a byte offset.
  private var cursorCharacter = 0
  private var cursorByte: Int

  init(source: UnsafeBufferPointer<UInt8>) {
    self.source = source
    let count = source.count
    isUTF8 = !(count >= 2 && (source[0] == 0xFF && source[1] == 0xFE || source[0] == 0xFE && source[1] == 0xFF))
    firstByte = count >= 3 && source[0] == 0xEF && source[1] == 0xBB && source[2] == 0xBF ? 3 : 0
    cursorByte = firstByte
  }

  /// Records where a content event (a scalar, an alias, the end of a flow
  /// collection) ended.
  @inline(__always)
  mutating func contentEnded(at mark: yaml_mark_t) {
    contentEnd = mark
  }

  /// Whether whole lines lie between the last content and `start`: the key is
  /// two lines further or more, or one line further after content that ended at
  /// the start of a line (a block scalar, or the beginning of the document).
  @inline(__always)
  func mayHaveCommentLines(before start: yaml_mark_t) -> Bool {
    start.line > contentEnd.line + 1 || (start.line > contentEnd.line && contentEnd.column == 0)
  }

  /// The comment above the key that begins at `start`, or `nil`.
  mutating func comment(beforeKeyAt start: yaml_mark_t) -> String? {
    guard isUTF8, let base = source.baseAddress else { return nil }
    let gapStart = byteOffset(ofCharacter: contentEnd.index)
    let gapEnd = byteOffset(ofCharacter: start.index)
    guard gapStart < gapEnd, memchr(base + gapStart, Int32(UInt8(ascii: "#")), gapEnd - gapStart) != nil else {
      return nil
    }
    return commentLines(from: gapStart, to: gapEnd)
  }

  /// The byte offset of libyaml's character `index`, counted from the cursor.
  private mutating func byteOffset(ofCharacter index: Int) -> Int {
    // Events come in source order and a key's start is never before the content
    // before it, so the cursor never needs to go back.
    assert(index >= cursorCharacter)
    let base = source.baseAddress!
    var remaining = index - cursorCharacter
    var byte = cursorByte
    while remaining > 0 && byte < source.count {
      if remaining >= 32 && byte + 32 <= source.count && Self.isASCII32(base + byte) {
        byte += 32
        remaining -= 32
      } else {
        byte += ScalarText.characterWidth(base[byte])
        remaining -= 1
      }
    }
    cursorCharacter = index
    cursorByte = min(byte, source.count)
    return cursorByte
  }

  /// Whether the 32 bytes at `bytes` are all ASCII, where a byte is a character.
  @inline(__always)
  private static func isASCII32(_ bytes: UnsafePointer<UInt8>) -> Bool {
    let raw = UnsafeRawPointer(bytes)
    let any =
      raw.loadUnaligned(as: UInt64.self) | raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
      | raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
    return any & 0x8080_8080_8080_8080 == 0
  }

  /// The comment lines of `source[start..<end]`, where `end` is a key's start.
  private func commentLines(from start: Int, to end: Int) -> String? {
    var position = start
    if position > firstByte && !Self.isLineBreak(source[position - 1]) {
      // The rest of a line that content began is not a whole line.
      while position < end && !Self.isLineBreak(source[position]) { position += 1 }
      position = skipLineBreak(at: position, end: end)
    }
    var lines: [String] = []
    while true {
      var lineEnd = position
      while lineEnd < end && !Self.isLineBreak(source[lineEnd]) { lineEnd += 1 }
      if lineEnd == end {
        guard isKeyIndentation(from: position, to: end) else { return nil }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
      }
      var text = position
      while text < lineEnd && ScalarText.isBlank(source[text]) { text += 1 }
      if text < lineEnd && source[text] == UInt8(ascii: "#") {
        text += 1
        if text < lineEnd && source[text] == UInt8(ascii: " ") { text += 1 }
        lines.append(String(decoding: UnsafeBufferPointer(rebasing: source[text..<lineEnd]), as: UTF8.self))
      } else if text < lineEnd && Self.isBlockIndicator(source[text])
        && (text + 1 == lineEnd || ScalarText.isBlank(source[text + 1]))
      {
        lines.removeAll()
      }
      position = skipLineBreak(at: lineEnd, end: end)
    }
  }

  /// Whether the text before a key on its line is indentation, with an explicit
  /// key's `? ` at most (a sequence item's `- ` is not).
  private func isKeyIndentation(from start: Int, to end: Int) -> Bool {
    var position = start
    while position < end && ScalarText.isBlank(source[position]) { position += 1 }
    guard position < end else { return true }
    guard source[position] == UInt8(ascii: "?"), position + 1 < end, ScalarText.isBlank(source[position + 1]) else {
      return false
    }
    position += 1
    while position < end && ScalarText.isBlank(source[position]) { position += 1 }
    return position == end
  }

  /// The position after the line break (LF, CR or CRLF) at `position`.
  private func skipLineBreak(at position: Int, end: Int) -> Int {
    guard position < end else { return position }
    if source[position] == UInt8(ascii: "\r") && position + 1 < end && source[position + 1] == UInt8(ascii: "\n") {
      return position + 2
    }
    return position + 1
  }

  /// `-`, `?` or `:`, which begin a sequence item, an explicit key or its value
  /// when a blank follows.
  @inline(__always)
  private static func isBlockIndicator(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "-") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: ":")
  }

  @inline(__always)
  private static func isLineBreak(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
  }
}
