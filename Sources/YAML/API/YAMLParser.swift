/// Reads YAML into a ``YAMLNode`` tree through libyaml's event parser.
///
/// Tags (`!Ref`, `!GetAtt`) and key order are kept. Plain scalars are resolved as
/// PyYAML (the YAML 1.1 reader behind awscli and cfn-lint) resolves them: `yes`
/// and `on` are booleans, `0123` is octal, `10:30` is sexagesimal. Timestamps,
/// the merge key `<<` and `=` stay strings. Anchors and aliases are expanded into
/// copies, within ``Options/maximumNodes``, so an alias bomb is refused at once.
///
/// Comments that stand on their own lines directly above a key of a block
/// mapping are read into that entry's ``YAMLMapping/Entry/comment`` (the `#` and
/// one space after it removed, several lines joined with line feeds, a bare `#`
/// an empty line), so emitting a parsed document writes them again; comment
/// lines before the document's first key, a header comment included, belong to
/// the first top-level entry. Not kept: comments after content on the same line
/// (`Key: value # note`), inside flow collections, before sequence items
/// (`- Key: value`) and before the `? `/`: ` lines of explicit keys, and any in
/// UTF-16 input. Blank lines are not read.
///
/// ```swift
/// let template = try YAMLParser().parse("VpcId: !Ref VPC\n")
/// template["VpcId"]?.tag          // "!Ref"
/// template["VpcId"]?.stringValue  // "VPC"
/// ```
public struct YAMLParser: Sendable {
  /// Limits that keep hostile input from exhausting memory or time.
  public struct Options: Sendable {
    /// The largest document accepted, in bytes. Default 64 MiB (CloudFormation
    /// accepts at most 1 MB).
    public var maximumDocumentBytes: Int
    /// The most nodes a document may hold once aliases are expanded. Default 10 million.
    public var maximumNodes: Int
    /// The deepest nesting of collections accepted. Default 512 (a CloudFormation
    /// template nests a few dozen levels at most); deeper input is refused rather
    /// than left to exhaust the stack of whatever walks the tree.
    public var maximumDepth: Int

    public init(maximumDocumentBytes: Int = 64 << 20, maximumNodes: Int = 10_000_000, maximumDepth: Int = 512) {
      self.maximumDocumentBytes = maximumDocumentBytes
      self.maximumNodes = maximumNodes
      self.maximumDepth = maximumDepth
    }
  }

  public var options: Options

  public init(options: Options = Options()) {
    self.options = options
  }

  /// Parses one YAML document. An empty input is the null scalar.
  public func parse(_ text: String) throws -> YAMLNode {
    var text = text
    return try text.withUTF8 { try parse(bytes: $0) }
  }

  /// Parses one YAML document from UTF-8 (or UTF-16 with a byte-order mark) bytes.
  public func parse(bytes: [UInt8]) throws -> YAMLNode {
    try bytes.withUnsafeBufferPointer { try parse(bytes: $0) }
  }

  /// Parses one YAML document from a buffer of bytes.
  public func parse(bytes: UnsafeBufferPointer<UInt8>) throws -> YAMLNode {
    guard bytes.count <= options.maximumDocumentBytes else {
      throw YAMLError.documentTooLarge(bytes: bytes.count, limit: options.maximumDocumentBytes)
    }
    let builder = TreeBuilder(maximumNodes: options.maximumNodes, maximumDepth: options.maximumDepth)
    return try builder.build(from: bytes)
  }
}
