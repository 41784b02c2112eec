/// The largest number of entries ``keyValuePairs(_:)`` builds.
let maximumKeyValuePairs = 6

/// `KeyValuePairs` from a runtime list of entries, repeated keys kept. The API
/// takes `KeyValuePairs` (a dictionary literal), which has no initializer from
/// an array, so the literal is written out for each count up to
/// ``maximumKeyValuePairs``.
func keyValuePairs<Value>(_ entries: [(key: String, value: Value)]) -> KeyValuePairs<String, Value> {
  let e = entries
  switch e.count {
  case 0: return [:]
  case 1: return [e[0].key: e[0].value]
  case 2: return [e[0].key: e[0].value, e[1].key: e[1].value]
  case 3: return [e[0].key: e[0].value, e[1].key: e[1].value, e[2].key: e[2].value]
  case 4: return [e[0].key: e[0].value, e[1].key: e[1].value, e[2].key: e[2].value, e[3].key: e[3].value]
  case 5:
    return [
      e[0].key: e[0].value, e[1].key: e[1].value, e[2].key: e[2].value, e[3].key: e[3].value, e[4].key: e[4].value,
    ]
  case 6:
    return [
      e[0].key: e[0].value, e[1].key: e[1].value, e[2].key: e[2].value, e[3].key: e[3].value, e[4].key: e[4].value,
      e[5].key: e[5].value,
    ]
  default: preconditionFailure("at most \(maximumKeyValuePairs) entries, not \(e.count)")
  }
}
