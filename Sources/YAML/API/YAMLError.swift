/// Errors of the YAML layer. Each names the problem and, where it helps, the fix.
public enum YAMLError: Error, Equatable, Sendable, CustomStringConvertible {
  /// libyaml's emitter refused the event stream.
  case emitterFailed(problem: String)
  /// A tag that libyaml cannot write.
  case invalidTag(String)
  /// A comment holding a character that cannot stand in a `#` line.
  case invalidComment(String)
  /// Writing to the file descriptor failed.
  case writeFailed(errno: Int32, message: String)
  /// The input is not valid YAML. Line and column count from 1.
  case syntax(problem: String, line: Int, column: Int, context: String?)
  /// The input is larger than the parser's limit.
  case documentTooLarge(bytes: Int, limit: Int)
  /// Expanding aliases would build more nodes than the parser's limit.
  case aliasExpansionTooLarge(nodes: Int, limit: Int, line: Int, column: Int)
  /// An alias names an anchor that was not defined before it.
  case undefinedAlias(anchor: String, line: Int, column: Int)
  /// A scalar that a tag or its plain form makes a number does not fit.
  case integerOutOfRange(text: String, line: Int, column: Int)
  /// A mapping repeats a key.
  case duplicateKey(key: String, line: Int, column: Int)
  /// Collections nest deeper than the parser's limit.
  case nestingTooDeep(limit: Int, line: Int, column: Int)
  /// The input holds more than one document where one was expected.
  case multipleDocuments(line: Int, column: Int)
  /// The JSON writer met a value JSON cannot express.
  case notRepresentableInJSON(problem: String)

  public var description: String {
    switch self {
    case .emitterFailed(let problem):
      "YAML emitter failed: \(problem)"
    case .invalidTag(let tag):
      "invalid YAML tag \"\(tag)\": a tag must be non-empty valid UTF-8, like !Ref or tag:yaml.org,2002:str"
    case .invalidComment(let comment):
      "invalid YAML comment \(String(reflecting: comment)): a comment may hold any printable character, tabs and line feeds, but no other line break, control character or byte-order mark"
    case .writeFailed(let errno, let message):
      "could not write the YAML output: \(message) (errno \(errno))"
    case .syntax(let problem, let line, let column, let context):
      "YAML syntax error at line \(line), column \(column): \(problem)" + (context.map { " (\($0))" } ?? "")
    case .documentTooLarge(let bytes, let limit):
      "YAML document of \(bytes) bytes exceeds the limit of \(limit) bytes; raise ParserOptions.maximumDocumentBytes if the input is trusted"
    case .aliasExpansionTooLarge(let nodes, let limit, let line, let column):
      "YAML aliases at line \(line), column \(column) expand to more than \(limit) nodes (\(nodes) so far); the document looks like an alias bomb. Raise ParserOptions.maximumNodes if the input is trusted"
    case .undefinedAlias(let anchor, let line, let column):
      "YAML alias *\(anchor) at line \(line), column \(column) refers to an anchor &\(anchor) that is not defined before it"
    case .integerOutOfRange(let text, let line, let column):
      "integer \(text) at line \(line), column \(column) does not fit in 64 bits; quote it to keep it as a string"
    case .duplicateKey(let key, let line, let column):
      "duplicate mapping key \"\(key)\" at line \(line), column \(column); each key may appear once in a mapping"
    case .nestingTooDeep(let limit, let line, let column):
      "collections nest deeper than \(limit) levels at line \(line), column \(column); no template nests so deep. Raise the parser's maximumDepth if the input is trusted"
    case .multipleDocuments(let line, let column):
      "a second YAML document starts at line \(line), column \(column); expected exactly one"
    case .notRepresentableInJSON(let problem):
      "cannot write as JSON: \(problem)"
    }
  }
}
