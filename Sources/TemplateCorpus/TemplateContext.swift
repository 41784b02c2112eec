import CloudFormation

/// What the template being generated has declared, what a value may refer to
/// where it stands, and the faults put in on purpose.
struct TemplateContext {
  /// Every logical ID handed out (for uniqueness only; never iterated).
  var usedIDs: Set<String> = []
  /// How many IDs have been numbered, so each numbered ID is new.
  var counter = 0

  var stringParameters: [Parameter<String>] = []
  var numberParameters: [Parameter<Number>] = []
  var listParameters: [Parameter<[String]>] = []
  var numberListParameters: [Parameter<[Number]>] = []
  /// Every parameter, in order, for parameter groups.
  var parameters: [any ParameterProtocol] = []
  /// Every parameter ID, for `${…}` names.
  var parameterIDs: [String] = []
  /// Every resource ID of the template, decided before any value is generated.
  var resourceIDs: [String] = []
  var mappings: [Mapping] = []
  /// The conditions declared so far.
  var conditions: [Condition] = []

  /// The resources a value may refer to where it stands: the earlier ones in a
  /// resource (so that no cycle is made), all in an output, none in a condition.
  var visibleResources: [UntypedResource] = []
  /// Whether references to resources may stand here (not in conditions and rules).
  var allowsResources = false
  /// Whether `.if` may stand here (not inside conditions and rules).
  var allowsIf = false
  /// Whether `.condition` may stand here (in conditions only).
  var allowsConditionReference = false
  /// The kind of deliberate error still to put in: `nil` in most templates, and
  /// once it is in.
  var pendingFault: FaultKind?
  var faults: [String] = []
}
