import TemplateSyntax
import YAML

/// Everything one `gen deploy` sends, checked before any AWS call.
public struct DeployRequest: Sendable {
  /// The template as it is sent.
  public var body: TemplateBody
  /// The file the body was read from, sent as it is; nil for a rendered template.
  public var file: String?
  public var parameters: [ParameterSetting]
  public var capabilities: [Capability]
  public var tags: [StackTag]
  /// Turned on after the stack is created (or found off on an update); never turned off.
  public var terminationProtection: Bool
  /// Where a template over the inline limit is uploaded.
  public var upload: S3Location?
  /// Parameters that keep their deployed value on an update unless given
  /// explicitly (not from the template's default): the active colour of a
  /// blue/green stack, which a deploy must not switch back.
  public var keepsDeployedValue: Set<String>
  /// `false` for `--no-execute`: create and preview the change set, and leave it.
  public var execute: Bool
  /// Replace or remove resources without asking.
  public var assumeYes: Bool

  public init(
    body: TemplateBody, file: String? = nil, parameters: [ParameterSetting], capabilities: [Capability] = [],
    tags: [StackTag] = [], terminationProtection: Bool = false, upload: S3Location? = nil,
    keepsDeployedValue: Set<String> = [], execute: Bool = true, assumeYes: Bool = false
  ) {
    self.body = body
    self.file = file
    self.parameters = parameters
    self.capabilities = capabilities
    self.tags = tags
    self.terminationProtection = terminationProtection
    self.upload = upload
    self.keepsDeployedValue = keepsDeployedValue
    self.execute = execute
    self.assumeYes = assumeYes
  }
}

extension StackOperator {
  /// Creates or updates the stack through a previewed change set: uploads the
  /// template to S3 when it is over the inline limit, asks before replacing or
  /// removing anything (unless `assumeYes`), or leaves the change set for review.
  public func deploy(_ request: DeployRequest) throws -> ChangeSetOutcome {
    try request.body.checkSize(bucket: request.upload)
    let existing = try describeStack()
    let type: ChangeSetType
    switch existing?.status {
    case nil, .reviewInProgress?: type = .create
    case let status? where status.isFailedCreate:
      throw DeployError(
        "stack \(stackName) is in \(status.rawValue) after a failed create and cannot be updated; "
          + "delete it with `gen delete` and deploy again")
    case let status? where status.isBusy:
      throw DeployError(
        "stack \(stackName) is busy (\(status.rawValue)); wait for it to finish and run the command again")
    default: type = .update
    }
    let values = try parameterValues(request, deployed: type == .update ? existing : nil)
    var template: [String]
    var temporary: TemporaryFile?
    defer { temporary?.remove() }
    let path: String
    if let file = request.file {
      path = file
    } else {
      temporary = try TemporaryFile(prefix: "deploy", suffix: ".yml", text: request.body.text)
      path = temporary!.path
    }
    if request.body.needsUpload, let location = request.upload {
      template = ["--template-url", try upload(path, body: request.body, to: location)]
    } else {
      template = ["--template-body", "file://" + path]
    }
    console.write(
      "\(type == .create ? "Creating" : "Updating") stack \(stackName) from \(request.body.origin) with "
        + values.map(\.shown).joined(separator: " ") + "\n")
    let outcome = try run(
      ChangeSetPlan(
        type: type, namePrefix: "gen-deploy", template: template, values: values.map(\.value),
        capabilities: request.capabilities, tags: request.tags,
        review: request.execute ? .confirmDestructive(assumeYes: request.assumeYes) : .leaveForReview))
    if request.terminationProtection, outcome == .executed || outcome == .noChanges {
      try enableTerminationProtection()
    }
    return outcome
  }

  /// Turns termination protection on: `gen delete` (and anyone) must turn it off first.
  func enableTerminationProtection() throws {
    if try describeStack()?.terminationProtection == true { return }
    try aws.run([
      "cloudformation", "update-termination-protection", "--enable-termination-protection", "--stack-name", stackName,
    ])
    console.write("Termination protection is on for stack \(stackName).\n")
  }

  /// The values to send, each with how it is shown: a `NoEcho` value masked, a
  /// value kept as deployed (``DeployRequest/keepsDeployedValue``, or
  /// `UsePreviousValue` from a parameters file) sent as `UsePreviousValue`.
  private func parameterValues(_ request: DeployRequest, deployed: DeployedStack?) throws -> [(
    value: ParameterValue, shown: String
  )] {
    let declarations = try request.body.parameterDeclarations()
    return try request.parameters.map { setting in
      let id = setting.value.logicalID
      let masked = declarations.first(where: { $0.logicalID == id })?.noEcho == true
      if setting.value.usePreviousValue {
        guard let deployed, let old = deployed.parameter(id) else {
          throw DeployError(
            "UsePreviousValue for \(id) needs a deployed value, but stack \(stackName) "
              + (deployed == nil ? "does not exist yet" : "has no parameter \(id)") + "; give a value instead")
        }
        return (ParameterValue(id, "", usePreviousValue: true), "\(id)=\(masked ? ParameterValue.maskedValue : old)")
      }
      if setting.source == .templateDefault, request.keepsDeployedValue.contains(id), let deployed,
        let old = deployed.parameter(id)
      {
        return (ParameterValue(id, "", usePreviousValue: true), "\(id)=\(old) (as deployed)")
      }
      return (setting.value, "\(id)=\(masked ? ParameterValue.maskedValue : setting.value.value)")
    }
  }

  /// Uploads the template at `path` to `location` and returns the URL
  /// CloudFormation reads it from (path style, in the bucket's region).
  private func upload(_ path: String, body: TemplateBody, to location: S3Location) throws -> String {
    let key = body.objectKey(in: location)
    let answer = try aws.json(["s3api", "get-bucket-location", "--bucket", location.bucket])
    let constraint = answer["LocationConstraint"]?.text ?? ""
    let region =
      constraint.isEmpty || constraint == "null" ? "us-east-1" : constraint == "EU" ? "eu-west-1" : constraint
    console.write("Uploading the template (\(body.byteCount) bytes) to s3://\(location.bucket)/\(key)\n")
    let put = try aws.json(["s3api", "put-object", "--bucket", location.bucket, "--key", key, "--body", path])
    var url = body.uploadURL(in: location, region: region)
    if let version = put["VersionId"]?.text, !version.isEmpty, version != "null" {
      url += "?versionId=" + S3Location.percentEncoded(version)
    }
    return url
  }
}

extension TemplateBody {
  /// The parameters the body declares.
  func parameterDeclarations() throws -> [ParameterDeclaration] {
    do {
      return try TemplateDocument(parsing: text).parameterDeclarations
    } catch {
      throw DeployError("\(origin) is not a readable template: \(error)")
    }
  }
}
