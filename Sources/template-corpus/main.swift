// Writes the template cross-check corpus: random templates built through the
// public CloudFormation API (TemplateCorpus), each rendered by yaml() and json(),
// for Scripts/template_crosscheck.py to read back.
//
//   swift run template-corpus DIRECTORY [COUNT] [SEED]
//
// A case both renderings accept is written as case-NNNNN.yaml and case-NNNNN.json;
// a case both refuse is counted as refused and not written. A failure is a case
// one rendering refuses and the other accepts (the accepted text is kept as
// one-sided-NNNNN.yaml or .json, which the cross-check does not read), a case
// refused although the generator put no error in it, or a case accepted although
// it did. Each failure is printed, then a summary with the seed; the exit status
// is 1 when anything failed.
import CloudFormation
import SystemSupport
import TemplateCorpus

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

let arguments = CommandLine.arguments
guard (2...4).contains(arguments.count),
  let count = arguments.count > 2 ? Int(arguments[2]) : 2000, count >= 0,
  let seed = arguments.count > 3 ? UInt64(arguments[3]) : 2026
else {
  try? writeAll(2, Array("usage: template-corpus DIRECTORY [COUNT] [SEED]\n".utf8))
  exit(2)
}
let directory = arguments[1]

var generator = RandomTemplateGenerator(seed: seed)
var written = 0
var refused = 0
var failures = 0

@MainActor func fail(_ name: String, _ message: String) {
  failures += 1
  print("FAIL \(name): \(printable(message))")
}

do {
  try makeDirectories(directory)
  for index in 0..<count {
    let generated = generator.template()
    let name = "case-\(String(index + 100_000).dropFirst())"
    let yaml = Result { try generated.template.yaml() }
    let json = Result { try generated.template.json() }
    switch (yaml, json) {
    case (.success(let yamlText), .success(let jsonText)):
      written += 1
      try writeFileAtomically("\(directory)/\(name).yaml", Array(yamlText.utf8))
      try writeFileAtomically("\(directory)/\(name).json", Array(jsonText.utf8))
      if !generated.isMeantToValidate {
        fail(name, "both accepted a template with a deliberate error: \(generated.faults.joined(separator: "; "))")
      }
    case (.failure(let yamlError), .failure(let jsonError)):
      refused += 1
      if generated.isMeantToValidate {
        let errors = "\(yamlError)" == "\(jsonError)" ? "\(yamlError)" : "yaml(): \(yamlError); json(): \(jsonError)"
        fail(name, "both refused a template meant to validate: \(errors)")
      }
    case (.success(let yamlText), .failure(let error)):
      try writeFileAtomically("\(directory)/one-sided-\(name.dropFirst(5)).yaml", Array(yamlText.utf8))
      fail(name, "json() refused what yaml() accepted: \(error)")
    case (.failure(let error), .success(let jsonText)):
      try writeFileAtomically("\(directory)/one-sided-\(name.dropFirst(5)).json", Array(jsonText.utf8))
      fail(name, "yaml() refused what json() accepted: \(error)")
    }
  }
} catch {
  try? writeAll(2, Array("template-corpus: \(error)\n".utf8))
  exit(1)
}
print(
  "template-corpus: \(count) cases (seed \(seed)): \(written) written, \(refused) refused by both, \(failures) failed")
exit(failures == 0 ? 0 : 1)
