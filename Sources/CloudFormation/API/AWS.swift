/// CloudFormation's pseudo parameters, as values: `AWS.region`, `AWS.stackName`…
///
/// ```swift
/// let logGroup: Value<String> = .sub("/ecs/${AWS::StackName}")   // inside !Sub
/// let region: Value<String> = AWS.region                          // !Ref AWS::Region
/// ```
public enum AWS {
  /// `!Ref AWS::AccountId`.
  public static var accountID: Value<String> { Value(.ref(Pseudo.accountID.rawValue)) }
  /// `!Ref AWS::Region`.
  public static var region: Value<String> { Value(.ref(Pseudo.region.rawValue)) }
  /// `!Ref AWS::StackName`.
  public static var stackName: Value<String> { Value(.ref(Pseudo.stackName.rawValue)) }
  /// `!Ref AWS::StackId`.
  public static var stackID: Value<String> { Value(.ref(Pseudo.stackID.rawValue)) }
  /// `!Ref AWS::Partition`.
  public static var partition: Value<String> { Value(.ref(Pseudo.partition.rawValue)) }
  /// `!Ref AWS::URLSuffix`.
  public static var urlSuffix: Value<String> { Value(.ref(Pseudo.urlSuffix.rawValue)) }
  /// `!Ref AWS::NotificationARNs`.
  public static var notificationARNs: Value<[String]> { Value(.ref(Pseudo.notificationARNs.rawValue)) }
}
