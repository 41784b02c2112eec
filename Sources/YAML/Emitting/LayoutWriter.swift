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
/// - shifts every line right by two spaces per enclosing indentless sequence,
///   inserting the spaces before the line's first non-space character (empty lines
///   stay empty, so literal block content only ever moves as a whole);
/// - puts a blank line and/or comment lines above the line the emitter names.
///
/// The current line stays in the sink's buffer until it ends, so a decoration
/// can still go above a line that an earlier batch began.
final class LayoutWriter {
  private let sink: OutputSink
  private var atLineStart = true
  private var pendingSpaces = 0
  /// Where the current line starts in the sink's buffer.
  private var currentLineStart = 0

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
    var aboveFirstBegun: LineDecoration?
    var aboveLastBegun: LineDecoration?
    for (line, decoration) in decorations {
      switch line {
      case .lineOfFirstContent where !atLineStart && !Self.beginsWithLineBreak(chunk):
        insertAboveCurrentLine(decoration)
      case .lineOfFirstContent, .firstLineBegun:
        aboveFirstBegun =
          aboveFirstBegun.map {
            var merged = $0
            merged.merge(decoration)
            return merged
          } ?? decoration
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
    var index = 0
    while index < count {
      if atLineStart {
        let byte = chunk[index]
        if byte == UInt8(ascii: " ") {
          pendingSpaces += 1
          index += 1
          continue
        }
        if byte == UInt8(ascii: "\n") {
          sink.appendSpaces(pendingSpaces)
          sink.append(byte)
          pendingSpaces = 0
          index += 1
          lineEnded()
          continue
        }
        let indentation = pendingSpaces + 2 * depth
        var decoration = LineDecoration()
        if let first = aboveFirstBegun {
          decoration.merge(first)
          aboveFirstBegun = nil
        }
        if index > lastNewline, let last = aboveLastBegun {
          decoration.merge(last)
          aboveLastBegun = nil
        }
        if !decoration.isEmpty {
          sink.append(contentsOf: Self.decorationBytes(decoration, indentation: indentation))
          currentLineStart = sink.bytes.count
        }
        sink.appendSpaces(indentation)
        pendingSpaces = 0
        atLineStart = false
      }
      // Copy up to and including the next line break in one piece.
      if let found = memchr(base + index, Int32(UInt8(ascii: "\n")), count - index) {
        let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
        sink.append(UnsafeBufferPointer(rebasing: chunk[index..<end]))
        index = end
        lineEnded()
      } else {
        sink.append(UnsafeBufferPointer(rebasing: chunk[index..<count]))
        index = count
      }
    }
  }

  /// Writes text outside libyaml's output (a header comment) as is.
  func writeVerbatim(_ text: String) {
    sink.append(text)
    currentLineStart = sink.bytes.count
  }

  private func lineEnded() {
    atLineStart = true
    sink.flushIfFull()
    currentLineStart = sink.bytes.count
  }

  private func insertAboveCurrentLine(_ decoration: LineDecoration) {
    var indentation = 0
    let bytes = sink.bytes
    while currentLineStart + indentation < bytes.count && bytes[currentLineStart + indentation] == UInt8(ascii: " ") {
      indentation += 1
    }
    let text = Self.decorationBytes(decoration, indentation: indentation)
    sink.insert(text, at: currentLineStart)
    currentLineStart += text.count
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
