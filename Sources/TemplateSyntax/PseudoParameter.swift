/// The names of CloudFormation's pseudo parameters, which `!Ref` and `${…}` in
/// `!Sub` may name without declaring them.
public enum Pseudo: String, CaseIterable, Sendable {
  case accountID = "AWS::AccountId"
  case region = "AWS::Region"
  case stackName = "AWS::StackName"
  case stackID = "AWS::StackId"
  case partition = "AWS::Partition"
  case urlSuffix = "AWS::URLSuffix"
  case notificationARNs = "AWS::NotificationARNs"
  case noValue = "AWS::NoValue"

  /// Whether `name` is a pseudo parameter's name.
  public static func isPseudoParameter(_ name: String) -> Bool {
    Pseudo(rawValue: name) != nil
  }
}
