import AWSEC2
import CloudFormation

/// A VPC with two public subnets in the region's first two Availability Zones,
/// an internet gateway and one public route table with a default route to it.
///
/// ```swift
/// let network = PublicTwoSubnetVPC()
/// let template = Template {
///   network.elements
///   ALB("ALB", subnets: network.subnetIDs)
/// }
/// ```
///
/// Logical IDs: `VPC`, `InternetGateway`, `VPCGatewayAttachment`, `PublicSubnet1`,
/// `PublicSubnet2`, `PublicRouteTable`, `DefaultPublicRoute` and
/// `PublicSubnet<n>RouteTableAssociation`. Each is tagged `Name: <stack>-<role>`.
public struct PublicTwoSubnetVPC: Sendable {
  public let vpc: EC2.VPC
  public let internetGateway: EC2.InternetGateway
  public let gatewayAttachment: EC2.VPCGatewayAttachment
  public let subnets: [EC2.Subnet]
  public let routeTable: EC2.RouteTable
  public let defaultRoute: EC2.Route
  public let routeTableAssociations: [EC2.SubnetRouteTableAssociation]

  /// - Parameters:
  ///   - cidrBlock: the VPC's IPv4 range.
  ///   - subnetCIDRBlocks: one range per public subnet, inside `cidrBlock`.
  public init(cidrBlock: String = "10.0.0.0/16", subnetCIDRBlocks: [String] = ["10.0.0.0/24", "10.0.1.0/24"]) {
    vpc = EC2.VPC(
      "VPC", cidrBlock: Value(cidrBlock), enableDNSHostnames: true, enableDNSSupport: true,
      tags: [.init(key: "Name", value: "\(AWS.stackName)-vpc")])
    internetGateway = EC2.InternetGateway(
      "InternetGateway", tags: [.init(key: "Name", value: "\(AWS.stackName)-igw")])
    gatewayAttachment = EC2.VPCGatewayAttachment(
      "VPCGatewayAttachment", vpcID: vpc.ref, internetGatewayID: internetGateway.ref)
    var subnets: [EC2.Subnet] = []
    for (index, block) in subnetCIDRBlocks.enumerated() {
      subnets.append(
        EC2.Subnet(
          "PublicSubnet\(index + 1)", vpcID: vpc.ref, availabilityZone: .select(Value(index), .getAZs()),
          cidrBlock: Value(block), mapPublicIPOnLaunch: true,
          tags: [.init(key: "Name", value: "\(AWS.stackName)-public-\(index + 1)")]))
    }
    self.subnets = subnets
    let routeTable = EC2.RouteTable(
      "PublicRouteTable", vpcID: vpc.ref, tags: [.init(key: "Name", value: "\(AWS.stackName)-public-rt")])
    self.routeTable = routeTable
    defaultRoute = EC2.Route(
      "DefaultPublicRoute", routeTableID: routeTable.ref, destinationCidrBlock: "0.0.0.0/0",
      gatewayID: internetGateway.ref
    )
    .dependsOn(gatewayAttachment)
    routeTableAssociations = subnets.map { subnet in
      EC2.SubnetRouteTableAssociation(
        "\(subnet.logicalID)RouteTableAssociation", routeTableID: routeTable.ref, subnetID: subnet.ref)
    }
  }

  /// `!Ref` of every subnet, in order.
  public var subnetIDs: Value<[String]> { Value(subnets.map(\.ref)) }

  /// The resources, in dependency order; the VPC carries `comment` as a title.
  public func elements(comment: String? = "Network") -> [TemplateElement] {
    var resources: [any Resource] = [comment.map { vpc.comment($0) } ?? vpc, internetGateway, gatewayAttachment]
    resources += subnets
    resources += [routeTable, defaultRoute]
    resources += routeTableAssociations
    return resources.map { .resource($0) }
  }
}
