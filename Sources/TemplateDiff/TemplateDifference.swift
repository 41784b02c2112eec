import TemplateSyntax

/// What changed between two templates, grouped by section, each entry marked
/// added, removed or changed, resources with their impact.
public struct TemplateDifference: Sendable, Equatable {
  public var sections: [SectionDifference]
  /// IAM policy statements added or removed (changed ones are both).
  public var iamStatements: [SecurityChange]
  /// Security-group rules added or removed.
  public var securityGroupRules: [SecurityChange]
  /// What is no difference but worth a word: values that differ only in their
  /// YAML or JSON type (`80` and `"80"`), and what either template holds that
  /// could only be compared as written (an unknown function, a wrong arity).
  public var notes: [SyntaxNote]

  /// Whether the templates mean the same thing.
  public var isEmpty: Bool { sections.isEmpty }

  /// Whether applying the change replaces a resource or destroys data: what a
  /// team may gate a pull request on (`gen diff --fail-on dangerous`).
  public var isDangerous: Bool {
    sections.contains { section in
      section.entries.contains { $0.impact == .requiresReplacement || $0.destroysData }
    }
  }

  public init(
    sections: [SectionDifference], iamStatements: [SecurityChange] = [], securityGroupRules: [SecurityChange] = [],
    notes: [SyntaxNote] = []
  ) {
    self.sections = sections
    self.iamStatements = iamStatements
    self.securityGroupRules = securityGroupRules
    self.notes = notes
  }
}

/// The changed entries of one section (`Parameters`, `Resources`, …).
public struct SectionDifference: Sendable, Equatable {
  public var name: String
  public var entries: [EntryDifference]

  public init(name: String, entries: [EntryDifference]) {
    self.name = name
    self.entries = entries
  }
}

/// One added, removed or changed entry.
public struct EntryDifference: Sendable, Equatable {
  public enum Kind: String, Sendable {
    case added, removed, changed
  }

  public var logicalID: String
  public var kind: Kind
  /// For resources: the type (the new one when it changed).
  public var resourceType: String?
  /// For resources: what applying the change does to it.
  public var impact: Impact?
  /// For resources: replacing or removing it destroys data (a stateful type).
  public var destroysData: Bool
  /// Resources whose replacement replaces this one (it refers to them in a
  /// create-only property).
  public var causedBy: [String]
  public var changes: [PropertyChange]
  /// For parameters: the resource properties that use it, with their impact.
  public var usedBy: [Usage]

  public init(
    logicalID: String, kind: Kind, resourceType: String? = nil, impact: Impact? = nil, destroysData: Bool = false,
    causedBy: [String] = [], changes: [PropertyChange] = [], usedBy: [Usage] = []
  ) {
    self.logicalID = logicalID
    self.kind = kind
    self.resourceType = resourceType
    self.impact = impact
    self.destroysData = destroysData
    self.causedBy = causedBy
    self.changes = changes
    self.usedBy = usedBy
  }
}

/// One changed value inside an entry.
public struct PropertyChange: Sendable, Equatable {
  /// `Properties.CidrBlock`, `Properties.Tags[0].Value`, `DependsOn`, `Default`.
  public var path: ExpressionPath
  /// The value before, `nil` when it was added.
  public var old: Expression?
  /// The value after, `nil` when it was removed.
  public var new: Expression?
  /// For resource properties: the impact of this change alone.
  public var impact: Impact?

  public init(path: ExpressionPath, old: Expression?, new: Expression?, impact: Impact? = nil) {
    self.path = path
    self.old = old
    self.new = new
    self.impact = impact
  }
}

/// A resource property that uses a changed parameter.
public struct Usage: Sendable, Equatable {
  public var resource: String
  public var path: ExpressionPath
  public var impact: Impact

  public init(resource: String, path: ExpressionPath, impact: Impact) {
    self.resource = resource
    self.path = path
    self.impact = impact
  }
}

/// What a change does to a resource, from the registry's create-only lists.
public enum Impact: String, Sendable, Comparable {
  case noInterruption = "no interruption"
  case mayReplace = "may replace"
  case requiresReplacement = "requires replacement"
  /// The type is not in the catalog (new or third-party): no guess.
  case unknown = "impact unknown"

  private var rank: Int {
    switch self {
    case .noInterruption: 0
    case .mayReplace: 1
    case .unknown: 2
    case .requiresReplacement: 3
    }
  }

  public static func < (left: Impact, right: Impact) -> Bool { left.rank < right.rank }
}
