import TemplateSyntax
import YAML

extension AWSCommandLine {
  /// The template stack `stackName` was last deployed with, as submitted
  /// (`aws cloudformation get-template --template-stage Original`), read through
  /// the template-syntax layer. awscli hands a JSON template over already
  /// decoded and a YAML one as text; both are read the same way.
  ///
  /// ```swift
  /// let deployed = try AWSCommandLine(region: "eu-west-1").deployedTemplate(stackName: "demo")
  /// ```
  public func deployedTemplate(stackName: String) throws -> TemplateDocument {
    let arguments = [
      "cloudformation", "get-template", "--stack-name", stackName, "--template-stage", "Original",
    ]
    let answer: YAMLNode
    do {
      answer = try json(arguments)
    } catch let error as AWSCommandError where error.isMissingStack {
      throw DeployError(
        "stack \(stackName) does not exist\(region.map { " in \($0)" } ?? ""), so there is no deployed template; check the stack name and the region"
      )
    }
    guard let body = answer["TemplateBody"] else {
      throw DeployError("aws cloudformation get-template returned no TemplateBody for stack \(stackName)")
    }
    do {
      if let text = body.stringValue { return try TemplateDocument(parsing: text) }
      return try TemplateDocument(reading: body)
    } catch {
      throw DeployError("the template deployed in stack \(stackName) cannot be read: \(error)")
    }
  }
}
