import TemplateSyntax

/// What a stack update must acknowledge (`--capabilities`), derived from the
/// template so that nobody has to know which of its resources need it.
public enum Capability: String, CaseIterable, Hashable, Sendable, Comparable {
  /// IAM resources without custom names.
  case iam = "CAPABILITY_IAM"
  /// IAM resources with custom names (`RoleName`…); implies ``iam``.
  case namedIAM = "CAPABILITY_NAMED_IAM"
  /// Macros and transforms (`Transform`, `Fn::Transform`, `AWS::Serverless`).
  case autoExpand = "CAPABILITY_AUTO_EXPAND"

  public static func < (left: Capability, right: Capability) -> Bool {
    allCases.firstIndex(of: left)! < allCases.firstIndex(of: right)!
  }

  /// The IAM resource types CloudFormation asks an acknowledgement for, each
  /// with the property that gives it a custom name, if it has one.
  static let iamResourceTypes: [(type: String, nameProperty: String?)] = [
    ("AWS::IAM::AccessKey", nil), ("AWS::IAM::Group", "GroupName"), ("AWS::IAM::GroupPolicy", nil),
    ("AWS::IAM::InstanceProfile", "InstanceProfileName"), ("AWS::IAM::ManagedPolicy", "ManagedPolicyName"),
    ("AWS::IAM::Policy", nil), ("AWS::IAM::Role", "RoleName"), ("AWS::IAM::RolePolicy", nil),
    ("AWS::IAM::User", "UserName"), ("AWS::IAM::UserPolicy", nil), ("AWS::IAM::UserToGroupAddition", nil),
  ]

  /// The capabilities `document` needs, in a fixed order: ``namedIAM`` when an IAM
  /// resource has a custom name, else ``iam`` when there is an IAM resource (or a
  /// serverless transform, which makes roles); ``autoExpand`` when there is a
  /// `Transform` section or an `Fn::Transform`.
  public static func required(by document: TemplateDocument) -> [Capability] {
    var needed = Set<Capability>()
    let transforms = document[.transform].map { $0.listItems ?? [$0] } ?? []
    if !transforms.isEmpty { needed.insert(.autoExpand) }
    if transforms.contains(where: { $0.stringValue?.hasPrefix("AWS::Serverless") == true }) { needed.insert(.iam) }
    for resource in document.entries(in: .resources) {
      guard let type = resource.value["Type"]?.stringValue,
        let iam = iamResourceTypes.first(where: { $0.type == type })
      else { continue }
      needed.insert(.iam)
      if let nameProperty = iam.nameProperty, resource.value["Properties"]?[nameProperty] != nil {
        needed.insert(.namedIAM)
      }
    }
    if document.entries.contains(where: { $0.value.containsTransform }) { needed.insert(.autoExpand) }
    if needed.contains(.namedIAM) { needed.remove(.iam) }
    return needed.sorted()
  }
}

extension Expression {
  /// Whether an `Fn::Transform` (a macro) appears anywhere in this value.
  fileprivate var containsTransform: Bool {
    var found = false
    visit { expression, _ in
      if case .transform = expression { found = true }
    }
    return found
  }
}
