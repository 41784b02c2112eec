import AWSEC2
import Testing

/// The generated enums at run time: a large enum's table-driven
/// `init(rawValue:)` gives back every case from its AWS spelling.
@Suite("Generated enums")
struct GeneratedEnumTests {
  @Test("every EC2 instance type round-trips through its AWS spelling; an unknown one is nil")
  func instanceTypes() {
    let cases = EC2.InstanceTypeValue.allCases
    #expect(cases.count > 1_000)
    for instanceType in cases {
      #expect(EC2.InstanceTypeValue(rawValue: instanceType.rawValue) == instanceType, "\(instanceType)")
    }
    #expect(EC2.InstanceTypeValue(rawValue: "t3.micro") == .t3Micro)
    #expect(EC2.InstanceTypeValue(rawValue: "c5.2xlarge") == .c5_2xlarge)
    #expect(EC2.InstanceTypeValue(rawValue: "t3.nano.extra") == nil)
  }
}
