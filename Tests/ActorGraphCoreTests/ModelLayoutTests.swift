@testable import ActorGraphCore
import Testing

/// The lean model's sizes (docs/DECISIONS.md, "A lean model with the same API"): a regression
/// here multiplies by the hundreds of thousands of relations a bulk table brings.
struct ModelLayoutTests {
    @Test func valuesKeepTheirSizes() {
        #expect(MemoryLayout<PartialDate>.size == 4)
        #expect(MemoryLayout<Relation>.stride <= 80, "\(MemoryLayout<Relation>.stride)")
    }

    @Test func derivedIDsAreSpelledOnlyWhenAskedAndStayStable() {
        var allocator = RelationIDAllocator()
        var a = Relation(source: "x", target: "y", type: .supports)
        var b = Relation(source: "x", target: "y", type: .supports, label: "again")
        allocator.derive(&a, sourcePosition: 0, targetPosition: 1)
        allocator.derive(&b, sourcePosition: 0, targetPosition: 1)
        #expect(a.hasDerivedID && a.extras == nil)
        #expect(a.id == "x-supports-y" && b.id == "x-supports-y-2")
        // A relation read back from a file with its id spelled equals the derived one.
        var spelled = b
        spelled.id = "x-supports-y-2"
        #expect(spelled == b && !spelled.hasDerivedID)
        b.label = nil
        #expect(b.extras == nil && b.id == "x-supports-y-2")
    }

    @Test func anyChangeDropsTheEndpointIndex() {
        var graph = ActorGraph(actors: [ActorNode(id: "x", name: "X", kind: .group), ActorNode(id: "y", name: "Y", kind: .group)],
                               relations: [Relation(id: "r", source: "x", target: "y", type: .opposes)])
        graph.indexEndpoints()
        #expect(graph.endpoints?.targets == [1])
        graph.relations[0].target = "x"
        #expect(graph.endpoints == nil)
        #expect(graph.endpointIndex.targets == [0])
        graph.indexEndpoints()
        graph.actors.append(ActorNode(id: "z", name: "Z", kind: .group))
        #expect(graph.endpoints == nil)
    }
}
