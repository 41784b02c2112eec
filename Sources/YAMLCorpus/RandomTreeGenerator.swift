import YAML

/// Generates random YAML trees whose strings cover every case the quoting rule
/// and the layout must get right: words a YAML 1.1 or 1.2 reader would take for
/// another type, indicator characters, leading and trailing spaces, tabs, CR,
/// CRLF, NUL and other control characters, quotes and backslashes, emoji,
/// combining and right-to-left characters, multi-line text (literal blocks with
/// every chomping, a cloud-init script), very long lines and very long keys.
///
/// ```swift
/// var generator = RandomTreeGenerator(seed: 42)
/// let tree = generator.tree()
/// ```
public struct RandomTreeGenerator {
  public var random: SeededRandom
  /// Whether floats may be NaN or infinite (JSON cannot express those).
  public var includesNonFiniteFloats: Bool
  /// The deepest nesting of collections.
  public var maximumDepth: Int

  public init(seed: UInt64, includesNonFiniteFloats: Bool = true, maximumDepth: Int = 4) {
    random = SeededRandom(seed: seed)
    self.includesNonFiniteFloats = includesNonFiniteFloats
    self.maximumDepth = maximumDepth
  }

  /// A random tree whose root is a mapping, like a template.
  public mutating func tree() -> YAMLNode {
    .mapping(mapping(depth: 0, inFlow: false))
  }

  // MARK: - Nodes

  public mutating func node(depth: Int, inFlow: Bool) -> YAMLNode {
    let roll = Int.random(in: 0..<100, using: &random)
    if depth >= maximumDepth || roll < 55 { return .scalar(scalar()) }
    if roll < 80 { return .sequence(sequence(depth: depth + 1, inFlow: inFlow)) }
    return .mapping(mapping(depth: depth + 1, inFlow: inFlow))
  }

  mutating func sequence(depth: Int, inFlow: Bool) -> YAMLSequence {
    let flow = inFlow || chance(20)
    let count = Int.random(in: 0...5, using: &random)
    var items: [YAMLNode] = []
    for _ in 0..<count { items.append(node(depth: depth, inFlow: flow)) }
    let tag = chance(12) ? pick(["!Select", "!Join", "!GetAtt", "!If", "!Custom-List"]) : nil
    return YAMLSequence(items, style: flow ? .flow : .block, tag: tag)
  }

  mutating func mapping(depth: Int, inFlow: Bool) -> YAMLMapping {
    let flow = inFlow || chance(6)
    let count = Int.random(in: depth == 0 ? 1...6 : 0...5, using: &random)
    var entries: [YAMLMapping.Entry] = []
    var keys = Set<String>()
    while entries.count < count {
      let key = string()
      guard keys.insert(key).inserted else { continue }
      let comment = chance(8) ? pick(Self.comments) : nil
      entries.append(YAMLMapping.Entry(key: .string(key), value: node(depth: depth, inFlow: flow), comment: comment))
    }
    let tag = chance(4) ? "!Custom.Map" : nil
    return YAMLMapping(entries, style: flow ? .flow : .block, tag: tag, blankLinesBetweenEntries: chance(30))
  }

  public mutating func scalar() -> YAMLScalar {
    switch Int.random(in: 0..<100, using: &random) {
    case 0..<60:
      return .string(string(), tag: chance(15) ? pick(["!Ref", "!Sub", "!GetAtt", "!Base64", "!My-Tag.v1"]) : nil)
    case 60..<75: return .integer(integer())
    case 75..<88: return .float(float())
    case 88..<95: return .boolean(chance(50))
    default: return .null
    }
  }

  mutating func integer() -> Int {
    switch Int.random(in: 0..<6, using: &random) {
    case 0: pick([0, -1, 1, Int.max, Int.min, 8000, 65535, 10, 30])
    case 1: Int.random(in: Int.min...Int.max, using: &random)
    default: Int.random(in: -100_000...100_000, using: &random)
    }
  }

  mutating func float() -> Double {
    var candidates: [Double] = [
      0.0, -0.0, 5.0, 1e16, 1e-5, 0.1, 123456.789, .leastNonzeroMagnitude, .greatestFiniteMagnitude, -2.5,
    ]
    if includesNonFiniteFloats { candidates += [.infinity, -.infinity, .nan] }
    switch Int.random(in: 0..<3, using: &random) {
    case 0: return pick(candidates)
    case 1: return Double.random(in: -1e6...1e6, using: &random)
    default:
      while true {
        let value = Double(bitPattern: random.next())
        if value.isFinite { return value }
      }
    }
  }

  /// Entry comments: several lines, an empty one, a `#`, a tab and an emoji.
  public static let comments = ["Network", "Security groups", "two\nlines", "", "a # in a comment: fine", "tab\tand 🚀"]

  // MARK: - Strings

  /// Strings a YAML 1.1 or 1.2 reader would read as another type when plain.
  public static let ambiguousWords = [
    "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N",
    "true", "True", "TRUE", "false", "False", "FALSE", "~", "null", "Null", "NULL", "",
    "0123", "0o17", "0x1F", "0b101", "+12", "-0", "1_000", "10:30", "190:20:30.15", "1e3", "1E3",
    "1.0e+3", ".5", "-.5", "1.", "+.inf", "-.inf", ".inf", ".NaN", ".nan", "2010-09-09",
    "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "<<", "=", "0", "3.14", "12e-3",
    "8000", "-1", "0x_", "1_0.5_0", "+0o17", "-0o17", "0o1_7", "1_0e3", "+1_0e-3", "081_", "-_", "._", ".5e3",
  ]

  /// Strings that cannot be plain where they stand, for a reason other than type.
  public static let indicatorStrings = [
    "[a", "]", "{x}", ",", "#comment", "&anchor", "*alias", "!tag", "|", ">", "'q", "\"q", "%x", "@x",
    "`x", "- x", "? x", ": x", "-", "?", ":", "---", "...", "--- x", "...x", "a: b", "a #b", "a:",
    "key:value", "#", "a,b", "[a, b]", "a[0]", "x?y", "{", "a{b}", "http://x.y/z?q=1&r=[2]",
  ]

  /// Strings that stay plain.
  public static let plainStrings = [
    "-Xmx512m", "10.0.0.0/16", "sts:AssumeRole", "arn:aws:iam::aws:policy/x", "${AWS::StackName}-vpc",
    "a b c", "hello-world", "AWS::EC2::VPC", "a#b", "-a", "?a", "x-", "app", "200-399", "0.0.0.0/0",
    "idle_timeout.timeout_seconds", "yesterday", "nullable", "0.1.2", "1.2.3.4",
  ]

  public static let whitespaceAndControl = [
    " leading", "trailing ", "a\tb", "\t", "a\rb", "a\r\nb", "\0", "a\u{0}b", "\u{1}\u{7}\u{1B}", "\u{7F}",
    "x\u{85}y", "x\u{2028}y", "x\u{2029}y", "\u{FEFF}bom", "\u{A0}nbsp", "  ", " ", "a  b", "\u{FFFE}",
  ]

  public static let unicodeStrings = [
    "😀", "naïve café", "e\u{301}", "שלום עולם", "مرحبا", "日本語テキスト", "👩‍👩‍👧 family", "\u{10FFFF}",
    "Ω≈ç√", "a\u{200D}b", "\u{202E}reversed",
  ]

  public static let quoteStrings = [
    "it's", "say \"hi\"", "back\\slash", "\\n not a newline", "'", "\"", "''", "\\", "\"quoted\" then text",
  ]

  public static let multiLineStrings = [
    "a\nb", "a\nb\n", "a\n\n", "\n", "\n\n", "\nleading break", " first line space\nx", "line\n  indented\n",
    "#cloud-config\npackages:\n  - nginx\nwrite_files:\n- path: /etc/x\n  content: |\n    key: value\nruncmd:\n  - [sh, -c, \"echo hi\"]\n",
    "a \nb", "a\n \nb", "\ta\nb", "x\n\n\ny\n\n\n", "- item\n- item\n", "key: value\nother: - x\n", "...\n---\n",
    "# not a comment\n", "a\r\nb\r\n", "trailing\n  ", "  both  \n", "last line\nno newline",
  ]

  public mutating func string() -> String {
    switch Int.random(in: 0..<100, using: &random) {
    case 0..<12: return pick(Self.ambiguousWords)
    case 12..<18: return numberLike()
    case 18..<30: return pick(Self.indicatorStrings)
    case 30..<42: return pick(Self.plainStrings)
    case 42..<50: return pick(Self.whitespaceAndControl)
    case 50..<56: return pick(Self.unicodeStrings)
    case 56..<61: return pick(Self.quoteStrings)
    case 61..<71: return pick(Self.multiLineStrings)
    case 71..<74: return longLine()
    case 74..<85: return word()
    default: return composite()
    }
  }

  mutating func word() -> String {
    let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    let length = Int.random(in: 1...16, using: &random)
    return String((0..<length).map { _ in letters[Int.random(in: 0..<letters.count, using: &random)] })
  }

  /// A word in the shapes where YAML readers disagree on numbers: a sign,
  /// `0b`/`0o`/`0x`, `_` anywhere, a fraction, an exponent with or without its
  /// sign or a `.`, sexagesimal groups, and near misses that stay strings.
  public mutating func numberLike() -> String {
    var text = pick(["", "", "-", "+"])
    switch Int.random(in: 0..<4, using: &random) {
    case 0:
      text += pick(["0b", "0o", "0x", "0"]) + run(of: "0178_aF", 0...4)
    case 1:
      text += "." + run(of: "0123456789_", 0...3)
    default:
      text += run(of: "0123456789_", 1...4)
      if chance(40) { text += "." + run(of: "0123456789_", 0...3) }
      if chance(15) { text += ":" + run(of: "0123456789", 1...2) }
    }
    if chance(40) { text += pick(["e", "E"]) + pick(["", "+", "-"]) + run(of: "0123456789_", 0...2) }
    if chance(5) { text += pick(["x", ".", "_", ":"]) }
    return text
  }

  /// Between `lengths` characters drawn from `characters`.
  mutating func run(of characters: String, _ lengths: ClosedRange<Int>) -> String {
    let pool = Array(characters)
    return String((0..<Int.random(in: lengths, using: &random)).map { _ in pick(pool) })
  }

  mutating func longLine() -> String {
    var text = ""
    let target = Int.random(in: 129...3000, using: &random)
    while text.utf8.count < target {
      text += pick([word(), " ", "-", ":", "/", "é", "😀", "#", ",", "x"])
    }
    return text
  }

  mutating func composite() -> String {
    let pools = [
      Self.ambiguousWords, Self.indicatorStrings, Self.plainStrings, Self.whitespaceAndControl,
      Self.unicodeStrings, Self.quoteStrings, Self.multiLineStrings,
    ]
    var text = ""
    for _ in 0..<Int.random(in: 2...4, using: &random) {
      text += pick(pick(pools))
      text += pick(["", " ", "\n", ": ", " #", "\t", "-"])
    }
    return text
  }

  // MARK: - Helpers

  public mutating func chance(_ percent: Int) -> Bool {
    Int.random(in: 0..<100, using: &random) < percent
  }

  public mutating func pick<T>(_ values: [T]) -> T {
    values[Int.random(in: 0..<values.count, using: &random)]
  }
}
