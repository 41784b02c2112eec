import TemplateSyntax

/// Strings for templates beyond `RandomTreeGenerator`'s pools: the cases that
/// matter to CloudFormation text in particular.
enum HostileStrings {
  /// Look-alikes of YAML 1.1 and 1.2 numbers, booleans, nulls, dates and times,
  /// with the signs, prefixes and underscores some readers accept and others do not.
  static let numberLookAlikes = [
    "+0o17", "0o1_7", "1_0e3", "081_", "-0o17", "0o", "+0x1F", "0x_1F", "0b1_0", "1__0", "1e3", "1E+3", "+1e3",
    "6.8523015e+5", "685.230_15e+03", "1_000.5", "0.", "+.5", "09", "0009", "0777", "0x", "0b", ".inf", "-.Inf",
    ".NAN", "1:20", "-1:20:30", "190:20:30", "10:30", "2010-09-09", "2026-01-02T03:04:05Z", "yes", "on", "Off",
    "y", "~", "null", "NULL", "", "-0", "+0", "0_0", "1_", "_1",
  ]

  /// Strings that change meaning when written bare: sequence dashes, comments,
  /// mapping colons, quotes.
  static let indicators = [
    "- ", "- item", "-", "x #", "trailing #", " #", "a: b", ": ", "key: ", "#", " #x", "'", "\"", "''", "'a' b",
    "\"a\" b", "? ", "!Ref X", "!!str", "&a", "*a", "%YAML 1.2", "--- ", "... ",
  ]

  /// A combining accent (U+0301) right after `}` or `.`: one Swift `Character`,
  /// two code points. Also a prepended mark (U+0600) before `$`.
  static let combining = [
    "}\u{301}", ".\u{301}", "}\u{301}tail", "a.\u{301}b", "\u{301}", "e\u{301}", "\u{301}\u{301}", "\u{600}",
    "\u{600}x", "x\u{301}",
  ]

  /// Emoji, line and paragraph separators, tabs and other control characters.
  static let unusual = [
    "😀", "👍🏽", "🇫🇷", "👩‍👩‍👧", "\u{2028}", "a\u{2028}b", "\u{2029}", "\u{85}", "\t", "a\tb", "\u{7}",
    "\u{1B}[0m", "\u{FEFF}", "\r", "\u{0}", "\u{7F}", "\u{FFFD}", "\u{E000}",
  ]

  /// Text that looks like CloudFormation: intrinsic names, `${…}` pieces.
  static let cloudFormationLike =
    [
      "AWS::NoValue", "!GetAtt A.B", "${AWS::Region}", "${!Literal}", "$", "{", "}", "${", "$}", "{}", "AWS::StackName",
      "arn:${AWS::Partition}:s3:::x",
    ] + IntrinsicFunction.allCases.map(\.longName)

  /// Every pool, for composites.
  static let pools = [numberLookAlikes, indicators, combining, unusual, cloudFormationLike]
}
