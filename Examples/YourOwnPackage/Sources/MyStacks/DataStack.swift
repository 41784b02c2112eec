import AWSKMS
import AWSS3
import AWSSSM
import CloudFormation

/// A data bucket encrypted with its own KMS key, its name published in SSM.
public enum DataStack {
  public static let environment = Parameter<String>.string(
    "Environment", description: "Which environment the data belongs to", default: "staging",
    allowedValues: ["production", "staging"])

  public static let key = KMS.Key("DataKey", description: "Encrypts the data bucket", enableKeyRotation: true)
    .deletionPolicy(.retain).updateReplacePolicy(.retain)

  public static let bucket = S3.Bucket(
    "DataBucket",
    bucketEncryption: .init(serverSideEncryptionConfiguration: [
      .init(
        bucketKeyEnabled: true, serverSideEncryptionByDefault: .init(sseAlgorithm: .awsKMS, kmsMasterKeyID: key.arn))
    ]),
    tags: [.init(key: "Environment", value: environment.ref)]
  )
  .deletionPolicy(.retain).updateReplacePolicy(.retain)

  public static let bucketName = SSM.Parameter(
    "DataBucketName", type: .string, value: bucket.ref, name: "/\(AWS.stackName)/\(environment.ref)/data-bucket-name")

  public static var template: Template {
    Template(description: "A data bucket encrypted with its own KMS key, its name published in SSM") {
      environment
      key.comment("Encryption")
      bucket.comment("Storage")
      bucketName
      Output("BucketArn", value: bucket.getAtt("Arn"), exportName: "\(AWS.stackName)-DataBucketArn")
      Output("ParameterName", value: bucketName.ref)
    }
  }
}
