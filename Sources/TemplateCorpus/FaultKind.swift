/// The kinds of error the generator puts in on purpose. A faulty template holds
/// one of them, once, its kind chosen before the template is built: when the
/// validator accepts such a template, it names the one rule the validator
/// missed, and a kind with few places to go (a `DependsOn`, a parameter group)
/// comes up as often as one that can go anywhere.
enum FaultKind: CaseIterable {
  /// A logical ID that is malformed, declared twice in its section, or both a
  /// parameter's and a resource's.
  case logicalID
  /// A `!Ref` to, or a parameter group listing, a parameter the template does not declare.
  case undeclaredParameter
  /// A `!Ref` or `!GetAtt` of a resource the template does not declare.
  case undeclaredResource
  /// A `!Condition`, `!If` or `Condition` naming a condition the template does not declare.
  case undeclaredCondition
  /// A `!FindInMap` reading a mapping the template does not declare.
  case undeclaredMapping
  /// `DependsOn` the resource itself, or a resource the template does not declare.
  case dependency
  /// A `${…}` in `!Sub` text that names nothing.
  case unknownSubstitution
  /// An infinite or NaN float, which JSON cannot write.
  case nonFiniteFloat
  /// A key given twice in one object.
  case repeatedKey
  /// An object whose only key is `Ref` or a `Fn::` function's name, which
  /// reads back as that function.
  case loneFunctionKey
  /// A `Fn::ForEach::` key in a free-form object, holding no loop.
  case loopKey
  /// `!ToJsonString` of a scalar, which takes an object or a list.
  case scalarToJsonString
  /// `!And` or `!Or` with fewer than 2 or more than 10 conditions.
  case conditionCount
  /// `!Condition` where a value is expected.
  case misplacedCondition
  /// Template metadata holding `AWS::CloudFormation::Interface` beside the
  /// parameter groups and labels the renderer writes there.
  case interfaceKey
  /// A resource comment holding a character no YAML comment can hold.
  case commentCharacter
}
