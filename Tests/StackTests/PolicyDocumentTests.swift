import AWSKMS
import CloudFormation
import Testing

/// Policy documents as values: the canonical JSON wherever one is expected.
@Suite("Policy documents")
struct PolicyDocumentTests {
  @Test("every part of a statement, in the canonical key order; one value as itself, several as a list")
  func everyPart() throws {
    let key = KMS.Key(
      "Key",
      keyPolicy: .policy(
        .allow(
          "kms:*", on: ["*"], principal: .aws("arn:\(AWS.partition):iam::\(AWS.accountID):root"), sid: "Administer"),
        .allow(
          "kms:Decrypt", "kms:Encrypt", on: ["*"],
          principal: .service("logs.amazonaws.com").and(.service("s3.amazonaws.com")),
          when: [
            .stringEquals("aws:SourceAccount", AWS.accountID), .arnLike("aws:SourceArn", "arn:\(AWS.partition):logs:*"),
            .stringEquals("aws:SourceAccount", "123456789012"), .bool("aws:SecureTransport", true),
          ]),
        PolicyStatement(
          effect: .deny, notPrincipal: .any, notActions: ["kms:Describe*"], notResources: ["arn:aws:kms:*:*:key/other"])
      )
    ).deletionPolicy(.retain).updateReplacePolicy(.retain)
    let yaml = try Template { key }.yaml()
    #expect(
      yaml.hasSuffix(
        """
              KeyPolicy:
                Version: "2012-10-17"
                Statement:
                  - Sid: Administer
                    Effect: Allow
                    Principal:
                      AWS: !Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:root
                    Action: kms:*
                    Resource: "*"
                  - Effect: Allow
                    Principal:
                      Service:
                        - logs.amazonaws.com
                        - s3.amazonaws.com
                    Action:
                      - kms:Decrypt
                      - kms:Encrypt
                    Resource: "*"
                    Condition:
                      StringEquals:
                        aws:SourceAccount:
                          - !Ref AWS::AccountId
                          - "123456789012"
                      ArnLike:
                        aws:SourceArn: !Sub arn:${AWS::Partition}:logs:*
                      Bool:
                        aws:SecureTransport: true
                  - Effect: Deny
                    NotPrincipal: "*"
                    NotAction: kms:Describe*
                    NotResource: arn:aws:kms:*:*:key/other

        """))
  }

  @Test("the canary's task execution role trusts ECS tasks, written as before")
  func trustPolicy() throws {
    let document = PolicyDocument(.allow("sts:AssumeRole", principal: .service("ecs-tasks.amazonaws.com")))
    #expect(
      Value<JSON>(document).expression
        == Value<JSON>.map([
          "Version": "2012-10-17",
          "Statement": [
            ["Effect": "Allow", "Principal": ["Service": "ecs-tasks.amazonaws.com"], "Action": "sts:AssumeRole"]
          ],
        ]).expression)
  }
}
