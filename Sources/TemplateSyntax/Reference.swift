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
    var walk = path
    collectReferences(at: &walk, locals: [], into: &references)
    return references
  }

  private func collectReferences(at path: inout ExpressionPath, locals: Set<String>, into references: inout [Reference])
  {
    func add(_ kind: Reference.Kind, _ name: String) {
      if locals.isEmpty || !locals.contains(name) { references.append(Reference(kind: kind, name: name, path: path)) }
    }
    switch self {
    case .ref(let name): add(.ref, name)
    case .getAtt(let resource, let attribute): add(.getAtt(attribute: attribute), resource)
    case .condition(let name): add(.condition, name)
    case .valueOf(let parameter, _): add(.parameterValue, parameter)
    case .sub(let text, let variables):
      for name in SubstitutionText(text).variableNames
      where !variables.contains(where: { $0.key.utf8.elementsEqual(name.utf8) }) {
        add(.substitution, name)
      }
    case .if(let condition, _, _): add(.condition, condition)
    case .findInMap(let mapping, _, _, _): add(.mapping, mapping)
    case .forEach(let identifier, let collection, let outputs):
      // The loop's identifier is local to its outputs.
      path.enter(.component(.index(1)))
      collection.collectReferences(at: &path, locals: locals, into: &references)
      path.leave(1)
      let inner = locals.union([identifier])
      for output in outputs {
        let added = path.enter(.loopOutput(output.key))
        output.value.collectReferences(at: &path, locals: inner, into: &references)
        path.leave(added)
      }
      return
    default: break
    }
    forEachChild { child, step in
      let added = path.enter(step)
      child.collectReferences(at: &path, locals: locals, into: &references)
      path.leave(added)
    }
  }
}
