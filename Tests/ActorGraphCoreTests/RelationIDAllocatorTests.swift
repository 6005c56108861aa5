import ActorGraphCore
import Testing

/// The derived ids every reader (YAML/JSON, CSV, DOT) hands out to relations without one.
struct RelationIDAllocatorTests {
    @Test func parallelRelationsCountUpAndSkipTakenIDs() {
        var allocator = RelationIDAllocator()
        var taken: Set<RelationID> = ["a-meets-b-3"]
        func next(_ source: ActorID, _ type: RelationType, _ target: ActorID) -> String {
            let id = allocator.next(source: source, type: type, target: target) { taken.contains($0) }
            taken.insert(id)
            return id.rawValue
        }
        #expect(next("a", .meets, "b") == "a-meets-b")
        #expect(next("a", .meets, "b") == "a-meets-b-2")
        #expect(next("b", .meets, "a") == "b-meets-a")
        #expect(next("a", .meets, "b") == "a-meets-b-4")
        #expect(next("a", .opposes, "b") == "a-opposes-b")
        #expect(next("a", .meets, "b") == "a-meets-b-5")
    }
}
