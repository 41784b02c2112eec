/// A name an expression refers to, and where: what the validator checks exists,
/// what a dependency is made of, and what a diff traces a changed parameter to.
public struct Reference: Hashable, Sendable {
  /// How the name is referred to.
  public enum Kind: Hashable, Sendable {
    /// `!Ref Name`: a parameter, a resource or a pseudo parameter.
    case ref
    /// `!GetAtt Resource.Attribute`: ``Reference/name`` is the resource.
    case getAtt(attribute: String)
    /// `${Name}` or `${Resource.Attribute}` in a `!Sub` text: ``Reference/name`` is
    /// all between `${` and `}`. A name the `!Sub`'s own variable map defines is no reference.
    case substitution
    /// A condition's logical ID, in `!If` or `!Condition`.
    case condition
    /// A mapping's logical ID, in `!FindInMap`.
    case mapping
    /// A parameter's logical ID, in a rule's `!ValueOf`.
    case parameterValue
  }

  public var kind: Kind
  public var name: String
  /// Where the name is used (see ``ExpressionPath``).
  public var path: ExpressionPath

  public init(kind: Kind, name: String, path: ExpressionPath) {
    self.kind = kind
    self.name = name
    self.path = path
  }

  /// The logical ID the reference depends on: the resource of a `!GetAtt` and of
  /// `${Resource.Attribute}`, otherwise the name itself.
  public var target: String {
    guard kind == .substitution, let (resource, _) = Expression.splitAtFirstDot(name) else { return name }
    return resource
  }
}

extension Expression {
  /// Every name this expression refers to, in order. Inside a `Fn::ForEach` loop
  /// the loop's identifier is local and no reference.
  public func references(at path: ExpressionPath = .root) -> [Reference] {
    var references: [Reference] = []
    collectReferences(at: path, locals: [], into: &references)
    return references
  }

  private func collectReferences(at path: ExpressionPath, locals: Set<String>, into references: inout [Reference]) {
    func add(_ kind: Reference.Kind, _ name: String, _ at: ExpressionPath = path) {
      if !locals.contains(name) { references.append(Reference(kind: kind, name: name, path: at)) }
    }
    switch self {
    case .ref(let name): add(.ref, name)
    case .getAtt(let resource, let attribute): add(.getAtt(attribute: attribute), resource)
    case .condition(let name): add(.condition, name)
    case .valueOf(let parameter, _): add(.parameterValue, parameter)
    case .sub(let text, let variables):
      let defined = Set(variables.map(\.key))
      for name in SubstitutionText(text).variableNames where !defined.contains(name) { add(.substitution, name) }
      for variable in variables {
        variable.value.collectReferences(
          at: path.appending(.subVariable(variable.key)), locals: locals, into: &references)
      }
    case .if(let condition, let whenTrue, let whenFalse):
      add(.condition, condition)
      whenTrue.collectReferences(at: path, locals: locals, into: &references)
      whenFalse.collectReferences(at: path, locals: locals, into: &references)
    case .findInMap(let mapping, let topLevelKey, let secondLevelKey, let defaultValue):
      add(.mapping, mapping)
      for argument in [topLevelKey, secondLevelKey] + (defaultValue.map { [$0] } ?? []) {
        argument.collectReferences(at: path, locals: locals, into: &references)
      }
    case .forEach(let identifier, let collection, let outputs):
      collection.collectReferences(at: path.appending(.index(1)), locals: locals, into: &references)
      let inner = locals.union([identifier])
      for output in outputs {
        output.value.collectReferences(
          at: path.appending(.index(2)).appending(key: output.key), locals: inner, into: &references)
      }
    default:
      visitChildren(at: path) { child, childPath in
        child.collectReferences(at: childPath, locals: locals, into: &references)
      }
    }
  }
}
