import TemplateSyntax

/// One statement of a ``PolicyDocument``, written in the canonical key order
/// (`Sid`, `Effect`, `Principal`, `NotPrincipal`, `Action`, `NotAction`, `Resource`,
/// `NotResource`, `Condition`); a list of one is written as its single value.
///
/// ```swift
/// .allow("s3:GetObject", "s3:PutObject", on: ["\(bucket.getAtt("Arn"))/*"])
/// .deny("kms:ScheduleKeyDeletion", on: ["*"], when: [.stringNotEquals("aws:PrincipalAccount", AWS.accountID)])
/// ```
public struct PolicyStatement: Sendable {
  /// `Effect`.
  public enum Effect: String, Sendable {
    case allow = "Allow"
    case deny = "Deny"
  }

  /// `Sid`: the statement's name in the policy.
  public var sid: String?
  public var effect: Effect
  /// `Principal`: whom the statement is about (resource-based and trust policies).
  public var principal: PolicyPrincipal?
  /// `NotPrincipal`.
  public var notPrincipal: PolicyPrincipal?
  /// `Action`: `service:Action` names, wildcards allowed (`s3:Get*`).
  public var actions: [String]
  /// `NotAction`.
  public var notActions: [String]
  /// `Resource`: ARNs (`"*"` for all).
  public var resources: [Value<String>]
  /// `NotResource`.
  public var notResources: [Value<String>]
  /// `Condition`, grouped by operator on output, in the order given.
  public var conditions: [PolicyCondition]

  public init(
    sid: String? = nil, effect: Effect, principal: PolicyPrincipal? = nil, notPrincipal: PolicyPrincipal? = nil,
    actions: [String] = [], notActions: [String] = [], resources: [Value<String>] = [],
    notResources: [Value<String>] = [], conditions: [PolicyCondition] = []
  ) {
    self.sid = sid
    self.effect = effect
    self.principal = principal
    self.notPrincipal = notPrincipal
    self.actions = actions
    self.notActions = notActions
    self.resources = resources
    self.notResources = notResources
    self.conditions = conditions
  }

  /// `Effect: Allow` for the actions (at least one), on `resources`, for `principal`, when `conditions` hold.
  public static func allow(
    _ action: String, _ moreActions: String..., on resources: [Value<String>] = [], principal: PolicyPrincipal? = nil,
    when conditions: [PolicyCondition] = [], sid: String? = nil
  ) -> PolicyStatement {
    PolicyStatement(
      sid: sid, effect: .allow, principal: principal, actions: [action] + moreActions, resources: resources,
      conditions: conditions)
  }

  /// `Effect: Deny` for the actions (at least one), on `resources`, for `principal`, when `conditions` hold.
  public static func deny(
    _ action: String, _ moreActions: String..., on resources: [Value<String>] = [], principal: PolicyPrincipal? = nil,
    when conditions: [PolicyCondition] = [], sid: String? = nil
  ) -> PolicyStatement {
    PolicyStatement(
      sid: sid, effect: .deny, principal: principal, actions: [action] + moreActions, resources: resources,
      conditions: conditions)
  }

  /// The statement as JSON, keys in the canonical order.
  public var expression: Expression {
    var entries: [Expression.ObjectEntry] = []
    if let sid { entries.append(.init("Sid", .string(sid))) }
    entries.append(.init("Effect", .string(effect.rawValue)))
    if let principal { entries.append(.init("Principal", principal.expression)) }
    if let notPrincipal { entries.append(.init("NotPrincipal", notPrincipal.expression)) }
    if !actions.isEmpty { entries.append(.init("Action", Self.oneOrList(actions.map(Expression.string)))) }
    if !notActions.isEmpty { entries.append(.init("NotAction", Self.oneOrList(notActions.map(Expression.string)))) }
    if !resources.isEmpty { entries.append(.init("Resource", Self.oneOrList(resources.map(\.expression)))) }
    if !notResources.isEmpty {
      entries.append(.init("NotResource", Self.oneOrList(notResources.map(\.expression))))
    }
    if !conditions.isEmpty { entries.append(.init("Condition", PolicyCondition.block(conditions))) }
    return .object(entries, ordering: .asWritten)
  }

  /// A single value as itself, several as a list, as IAM writes them.
  static func oneOrList(_ values: [Expression]) -> Expression {
    values.count == 1 ? values[0] : .list(values)
  }
}
