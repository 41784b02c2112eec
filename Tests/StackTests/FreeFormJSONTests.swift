import AWSKMS
import AWSLogs
import CloudFormation
import Testing

/// Free-form JSON (a policy document, say) takes values directly: text with
/// interpolation, numbers, booleans, lists, nested objects in the order written,
/// and references and attributes of resources and parameters.
@Suite("Free-form JSON takes values directly")
struct FreeFormJSONTests {
  static let key = KMS.Key("Key").deletionPolicy(.retain).updateReplacePolicy(.retain)
  static let logs = Logs.LogGroup("Logs").deletionPolicy(.delete).updateReplacePolicy(.delete)
  static let team = Parameter<String>.string("Team", default: "data")

  @Test("a policy written as literals renders in the order written")
  func literals() throws {
    let policy: Value<JSON> = .map([
      "Version": "2012-10-17",
      "Statement": [
        [
          "Sid": "UseTheKey",
          "Effect": "Allow",
          "Principal": ["AWS": "arn:\(AWS.partition):iam::\(AWS.accountID):root"],
          "Action": ["kms:Decrypt", "kms:Encrypt"],
          "Resource": Self.key.arn,
          "Condition": ["Bool": ["aws:SecureTransport": true], "NumericLessThan": ["kms:Age": 3.5]],
        ]
      ],
      "Tags": [["Key": "team", "Value": Self.team.ref], ["Key": "logs", "Value": Self.logs.ref]],
      "Limit": 3,
      "Nothing": .null,
      "KeyID": Self.key.getAtt("KeyId"),
    ])
    let template = Template {
      Self.team
      Self.key
      Self.logs
      UntypedResource("Policy", type: "Custom::Policy", properties: .map(["Document": .init(policy)]))
    }
    let yaml = try template.yaml()
    let start = try #require(yaml.firstRange(of: "      Document:\n"))
    #expect(
      String(yaml[start.lowerBound...]) == """
              Document:
                Version: "2012-10-17"
                Statement:
                  - Sid: UseTheKey
                    Effect: Allow
                    Principal:
                      AWS: !Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:root
                    Action:
                      - kms:Decrypt
                      - kms:Encrypt
                    Resource: !GetAtt Key.Arn
                    Condition:
                      Bool:
                        aws:SecureTransport: true
                      NumericLessThan:
                        kms:Age: 3.5
                Tags:
                  - Key: team
                    Value: !Ref Team
                  - Key: logs
                    Value: !Ref Logs
                Limit: 3
                Nothing: null
                KeyID: !GetAtt Key.KeyId

        """)
  }

  @Test("outside free-form JSON the same names stay typed values")
  func typedElsewhere() {
    let arn = Self.key.arn
    let reference = Self.team.ref
    let logs = Self.logs.ref
    #expect(type(of: arn) == Value<String>.self)
    #expect(type(of: reference) == Value<String>.self)
    #expect(type(of: logs) == Value<String>.self)
    let interpolated: Value<String> = "\(Self.key.arn)/*"
    #expect(interpolated.expression == .sub("${Key.Arn}/*", variables: []))
  }
}
