import TemplateSyntax

/// An IAM policy statement or a security-group rule that a change adds or removes.
public struct SecurityChange: Sendable, Equatable {
  public enum Kind: String, Sendable {
    case added, removed
  }

  public var kind: Kind
  /// The resource that holds it.
  public var resource: String
  /// One line: `Allow sts:AssumeRole on * for Service ecs-tasks.amazonaws.com`,
  /// `ingress tcp 80-80 from 0.0.0.0/0`.
  public var summary: String

  public init(kind: Kind, resource: String, summary: String) {
    self.kind = kind
    self.resource = resource
    self.summary = summary
  }
}

/// Collects IAM statements and security-group rules from templates, so that a
/// diff can list those added and removed in their own tables, as `cdk diff` does.
enum SecurityTables {
  /// Statements that differ between the templates, removed first, in template order.
  static func iamChanges(old: TemplateDocument, new: TemplateDocument) -> [SecurityChange] {
    changes(statements(in: old), statements(in: new))
  }

  /// Security-group rules that differ between the templates.
  static func securityGroupChanges(old: TemplateDocument, new: TemplateDocument) -> [SecurityChange] {
    changes(rules(in: old), rules(in: new))
  }

  private static func changes(_ old: [(String, String)], _ new: [(String, String)]) -> [SecurityChange] {
    let before = Set(old.map { "\($0.0)\u{0}\($0.1)" })
    let after = Set(new.map { "\($0.0)\u{0}\($0.1)" })
    var result: [SecurityChange] = []
    for (resource, summary) in old where !after.contains("\(resource)\u{0}\(summary)") {
      result.append(SecurityChange(kind: .removed, resource: resource, summary: summary))
    }
    for (resource, summary) in new where !before.contains("\(resource)\u{0}\(summary)") {
      result.append(SecurityChange(kind: .added, resource: resource, summary: summary))
    }
    return result
  }

  // MARK: - IAM

  /// Every policy statement of every resource, with the resource's logical ID.
  static func statements(in template: TemplateDocument) -> [(String, String)] {
    var result: [(String, String)] = []
    for (id, body) in resourceBodies(template) {
      guard let properties = body.properties else { continue }
      var documents: [Expression] = []
      for key in ["AssumeRolePolicyDocument", "PolicyDocument", "KeyPolicy"] {
        if let document = properties[key] { documents.append(document) }
      }
      for policy in properties["Policies"]?.listItems ?? [] {
        if let document = policy["PolicyDocument"] { documents.append(document) }
      }
      for document in documents {
        for statement in list(document["Statement"]) { result.append((id, summarize(statement: statement))) }
      }
    }
    return result
  }

  static func summarize(statement: Expression) -> String {
    var parts = [DifferenceRenderer.compact(statement["Effect"])]
    for key in ["Action", "NotAction"] where statement[key] != nil {
      parts.append(
        (key == "NotAction" ? "not " : "")
          + list(statement[key]).map(DifferenceRenderer.compact).joined(separator: ", "))
    }
    for key in ["Resource", "NotResource"] where statement[key] != nil {
      parts.append(
        (key == "NotResource" ? "on all but " : "on ")
          + list(statement[key]).map(DifferenceRenderer.compact).joined(separator: ", "))
    }
    if let principal = statement["Principal"] ?? statement["NotPrincipal"] {
      parts.append("for " + DifferenceRenderer.compact(principal))
    }
    if let condition = statement["Condition"] { parts.append("when " + DifferenceRenderer.compact(condition)) }
    return parts.joined(separator: " ")
  }

  // MARK: - Security groups

  /// Every ingress and egress rule, inline or as its own resource.
  static func rules(in template: TemplateDocument) -> [(String, String)] {
    var result: [(String, String)] = []
    for (id, body) in resourceBodies(template) {
      guard let properties = body.properties else { continue }
      switch body.type {
      case "AWS::EC2::SecurityGroup":
        for rule in list(properties["SecurityGroupIngress"]) { result.append((id, summarize(rule: rule, "ingress"))) }
        for rule in list(properties["SecurityGroupEgress"]) { result.append((id, summarize(rule: rule, "egress"))) }
      case "AWS::EC2::SecurityGroupIngress":
        result.append((id, summarize(rule: properties, "ingress")))
      case "AWS::EC2::SecurityGroupEgress":
        result.append((id, summarize(rule: properties, "egress")))
      default: break
      }
    }
    return result
  }

  static func summarize(rule: Expression, _ direction: String) -> String {
    let from = DifferenceRenderer.compact(rule["FromPort"])
    let to = DifferenceRenderer.compact(rule["ToPort"])
    var text = "\(direction) \(DifferenceRenderer.compact(rule["IpProtocol"]))"
    if rule["FromPort"] != nil || rule["ToPort"] != nil { text += " \(from == to ? from : "\(from)-\(to)")" }
    let peers = [
      "CidrIp", "CidrIpv6", "SourceSecurityGroupId", "DestinationSecurityGroupId", "SourcePrefixListId",
      "DestinationPrefixListId", "SourceSecurityGroupName",
    ]
    for key in peers {
      if let peer = rule[key] {
        text += (direction == "ingress" ? " from " : " to ") + DifferenceRenderer.compact(peer)
      }
    }
    return text
  }

  /// A value that may be one item or a list, as a list.
  private static func list(_ value: Expression?) -> [Expression] {
    guard let value else { return [] }
    return value.listItems ?? [value]
  }

  /// Every resource definition with its entry's logical ID (a loop's outputs each).
  private static func resourceBodies(_ template: TemplateDocument) -> [(String, ResourceComparison.Body)] {
    template.entries(in: .resources).flatMap { entry in
      ResourceComparison.bodies(of: entry.value).map { (entry.key, $0) }
    }
  }
}
