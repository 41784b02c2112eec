// `Expression`, its cases and orderings, `Pseudo` and the rest of the template
// syntax live in TemplateSyntax; `import CloudFormation` brings them along.
@_exported import TemplateSyntax
