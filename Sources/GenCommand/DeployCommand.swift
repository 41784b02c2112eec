import ArgumentParser
import CloudFormation
import Deploy
import TemplateSyntax

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `gen deploy [STACK]`: create or update a stack through a previewed change set.
struct DeployCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "deploy",
    abstract: "Create or update a stack through a change set, showing what changes and each resource's progress.",
    discussion: """
      The parameters are the template's own: each takes its value from --parameter Name=Value or its own \
      option (ImageURIStable: --image-uri-stable), else --parameters-file, else its environment variable \
      (IMAGE_URI_STABLE), else the template's default; `gen parameters STACK` lists them. Values are checked \
      against the template's constraints before anything is sent. Capabilities are derived from the template. \
      A template over 51,200 bytes is uploaded to --s3-bucket first. On a terminal, gen asks before replacing \
      or removing resources; --yes skips the question, and is required for such a change elsewhere.
      """)

  /// Deploy's own options without dashes, each with whether it takes a value:
  /// any other `--NAME` is a template parameter's option (``ParameterArguments``).
  static let ownOptions: [String: Bool] = [
    "stack-name": true, "region": true, "profile": true, "poll-interval": true, "parameter": true,
    "parameters-file": true, "parameter-option": true, "template": true, "s3-bucket": true, "s3-prefix": true,
    "tag": true, "no-execute": false, "change-set": true, "outputs-file": true, "yes": false, "help": false,
    "experimental-dump-help": false,
  ]

  @Argument(help: "The stack to deploy, as `gen list` names it; default: the default stack.")
  var stack: String?

  @OptionGroup var stackOptions: StackOptions

  @Option(help: ArgumentHelp("Set a template parameter (repeatable).", valueName: "Name=Value"))
  var parameter: [String] = []

  @Option(
    help: ArgumentHelp(
      "Parameter values from a JSON or YAML file: a map of names to values, or aws's list of ParameterKey/ParameterValue.",
      valueName: "file"))
  var parametersFile: String?

  @Option(name: .customLong("parameter-option"), help: .private)
  var parameterOptions: [String] = []

  @Option(
    help: ArgumentHelp(
      "Deploy this template file, sent as it is (env TEMPLATE_FILE), instead of the one the code produces now.",
      valueName: "file"))
  var template: String?

  @Option(help: "Upload a template over 51,200 bytes to this S3 bucket (env S3_BUCKET).")
  var s3Bucket: String?

  @Option(help: "The key prefix for the uploaded template (env S3_PREFIX).")
  var s3Prefix: String?

  @Option(
    help: ArgumentHelp(
      "Tag the stack and its resources (repeatable; adds to the stack's own tags).", valueName: "Key=Value"))
  var tag: [String] = []

  @Flag(help: "Create the change set and show it, but leave it for review instead of executing it.")
  var noExecute = false

  @Option(help: ArgumentHelp("Execute this reviewed change set (made by --no-execute) instead.", valueName: "name"))
  var changeSet: String?

  @Option(help: ArgumentHelp("Write the stack's outputs, as JSON, to this file once deployed.", valueName: "file"))
  var outputsFile: String?

  @Flag(help: "Do not ask before replacing or removing resources.") var yes = false

  func validate() throws {
    if changeSet != nil {
      // Typed, so the literal of tuples does not take the type checker 100 ms to infer.
      let options: [(isGiven: Bool, name: String)] = [
        (!parameter.isEmpty || !parameterOptions.isEmpty, "parameters"), (parametersFile != nil, "--parameters-file"),
        (template != nil, "--template"), (s3Bucket != nil || s3Prefix != nil, "--s3-bucket"), (!tag.isEmpty, "--tag"),
        (noExecute, "--no-execute"),
      ]
      let extra = options.filter(\.isGiven).map(\.name)
      if !extra.isEmpty {
        throw ValidationError(
          "--change-set executes a reviewed change set as it was made; it takes no \(extra.joined(separator: ", "))")
      }
    }
    if noExecute, outputsFile != nil {
      throw ValidationError("--outputs-file needs the deploy to run; with --no-execute nothing is deployed")
    }
  }

  func run() throws {
    try reportingDeployErrors(command: "deploy") {
      let definition = try Gen.stack(named: stack)
      let deployer = try stackOptions.stackOperator(for: definition)
      if let changeSet {
        guard Self.isValidChangeSetName(changeSet) else {
          throw DeployError(
            "the change set name \"\(changeSet)\" is not valid: a letter, then letters, digits and hyphens "
              + "(or the change set's ARN)")
        }
        try deployer.executeChangeSet(named: changeSet, assumeYes: yes)
        try writeOutputs(of: deployer)
        return
      }
      let request = try deployRequest(for: definition)
      switch try deployer.deploy(request) {
      case .leftForReview(let name):
        deployer.console.write(
          "Change set \(name) is left for review; nothing was changed. Apply it with: "
            + "gen deploy \(definition.name) --stack-name \(deployer.stackName) --change-set \(name)\n")
      case .executed, .noChanges:
        try writeOutputs(of: deployer)
      }
    }
  }

  /// Everything to send, checked before any AWS call: the template, its
  /// parameters' values, what the traffic model needs, tags, size and bucket.
  private func deployRequest(for definition: StackDefinition) throws -> DeployRequest {
    let file = template ?? environment("TEMPLATE_FILE")
    let body: TemplateBody
    let document: TemplateDocument
    if let file {
      body = TemplateBody(text: try readTemplate(file), origin: file)
      do {
        document = try TemplateDocument(parsing: body.text)
      } catch {
        throw DeployError("\(file) is not a readable template: \(error)")
      }
    } else {
      document = try definition.document()
      do {
        body = TemplateBody(text: try definition.render(.yaml), origin: "the Swift stack's template")
      } catch {
        throw DeployError("the stack \(definition.name)'s template is not valid: \(error)")
      }
    }
    if let traffic = definition.traffic { try check(traffic, in: document, file: file, stack: definition) }
    let declarations = document.parameterDeclarations
    let inputs = ParameterInputs(
      given: try parameter.map(Self.parameterSetting) + parameterOptions.map(ParameterArguments.given),
      file: try parametersFile.map(ParameterFile.init(readingFile:)),
      // Set but empty is a value (""), which the parameter's constraints then judge.
      environment: { getenv($0).map { String(cString: $0) } },
      reservedOptions: Set(Self.ownOptions.keys),
      reservedVariables: ReservedVariables.reserved(
        among: declarations.map { SettingName.environmentVariable(for: $0.logicalID) }))
    let settings = try inputs.resolve(for: declarations)
    try definition.traffic?.checkDeployValues(settings, names: inputs.names(for: declarations))
    let bucket = s3Bucket ?? environment("S3_BUCKET")
    let prefix = s3Prefix ?? environment("S3_PREFIX")
    if bucket == nil, prefix != nil {
      throw DeployError("--s3-prefix (or S3_PREFIX) needs --s3-bucket (or S3_BUCKET) to say where to upload")
    }
    let location = try bucket.map { try S3Location(bucket: $0, prefix: prefix) }
    try body.checkSize(bucket: location)
    return DeployRequest(
      body: body, file: file, parameters: settings,
      capabilities: capabilities(of: document, settings: definition.deployment),
      tags: try tags(definition.deployment.tags), terminationProtection: definition.deployment.terminationProtection,
      upload: location, keepsDeployedValue: definition.traffic?.parametersKeptOnDeploy ?? [], execute: !noExecute,
      assumeYes: yes)
  }

  /// Checks that a template declares what the stack's traffic commands need.
  private func check(_ traffic: TrafficModel, in document: TemplateDocument, file: String?, stack: StackDefinition)
    throws
  {
    guard let file else {
      let problems = traffic.problems(in: document)
      guard problems.isEmpty else {
        throw DeployError(
          "the traffic model of stack \(stack.name) does not fit its template: " + problems.joined(separator: "; "))
      }
      return
    }
    let unmet = traffic.unmetRequirements(in: document)
    guard unmet.isEmpty else {
      let lines = unmet.map { requirement in
        switch requirement {
        case .output(let name): "\(file) does not declare the output \(name), which the deploy commands read"
        case .parameter(let id): "\(file) does not declare the parameter \(id), which the traffic commands change"
        }
      }
      let render = stack.name == Gen.stacks[0].name ? "gen render" : "gen render \(stack.name)"
      throw DeployError(
        lines.joined(separator: "\n")
          + "\nregenerate the file from the Swift stack (\(render) --output \(file)) or deploy without --template")
    }
  }

  private func readTemplate(_ path: String) throws -> String {
    do {
      return try OutputFile.read(path)
    } catch let error as OutputError {
      throw DeployError(error.description)
    }
  }

  /// The stack's own tags with `--tag Key=Value` added (a key given again takes the new value).
  private func tags(_ own: [StackTag]) throws -> [StackTag] {
    var tags = own
    for text in tag {
      guard let equals = text.firstIndex(of: "=") else {
        throw DeployError("--tag takes Key=Value; got \"\(text)\"")
      }
      let new = StackTag(key: String(text[..<equals]), value: String(text[text.index(after: equals)...]))
      if let index = tags.firstIndex(where: { $0.key == new.key }) { tags[index] = new } else { tags.append(new) }
    }
    if let problem = tags.compactMap(\.problem).first { throw DeployError(problem) }
    guard tags.count <= 50 else { throw DeployError("a stack takes at most 50 tags; \(tags.count) are given") }
    return tags
  }

  /// `--parameter Name=Value`.
  static func parameterSetting(_ text: String) throws -> ParameterInputs.Given {
    guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
      throw DeployError("--parameter takes Name=Value; got \"\(text)\"")
    }
    return .init(parameter: String(text[..<equals]), value: String(text[text.index(after: equals)...]))
  }

  static func isValidChangeSetName(_ name: String) -> Bool {
    if name.hasPrefix("arn:") { return true }
    guard let first = name.first, first.isASCII, first.isLetter, name.count <= 128 else { return false }
    return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
  }

  private func writeOutputs(of deployer: StackOperator) throws {
    guard let outputsFile else { return }
    let text = try deployer.existingStack().outputsJSON()
    do {
      try OutputFile.writeAtomically(outputsFile, text)
    } catch let error as OutputError {
      throw DeployError(error.description)
    }
    deployer.console.write("Outputs of stack \(deployer.stackName) written to \(outputsFile)\n")
  }
}
