import ActorGraphCore
import Testing

struct StatisticsTests {
    @Test func countsKindsTypesModalitiesDocumentsAndDates() {
        let graph = ActorGraph(
            documents: [Document(id: "d1", path: "d1.txt"), Document(id: "d2", path: "d2.txt")],
            actors: [ActorNode(id: "a", name: "A", kind: .militia), ActorNode(id: "b", name: "B", kind: .person),
                     ActorNode(id: "c", name: "C", kind: .militia)],
            relations: [
                Relation(id: "r1", source: "a", target: "b", type: .supports, date: PartialDate("2021-05"),
                         evidence: [Evidence(document: "d1", quote: "x"), Evidence(document: "d1", quote: "y")]),
                Relation(id: "r2", source: "b", target: "c", type: .opposes, date: PartialDate("2019"),
                         until: PartialDate("2022-02"), modality: .reported,
                         evidence: [Evidence(document: "d1", quote: "z")]),
                Relation(id: "r3", source: "c", target: "a", type: .meets, modality: .possible),
            ])
        let s = GraphStatistics(graph)
        #expect(s.actorCount == 3 && s.relationCount == 3 && s.documentCount == 2)
        #expect(s.actorsByKind == [.militia: 2, .person: 1])
        #expect(s.relationsByType == [.supports: 1, .opposes: 1, .meets: 1])
        #expect(s.relationsByModality == [.asserted: 1, .reported: 1, .possible: 1])
        #expect(s.relationsByDocument == ["d1": 2, "d2": 0])
        #expect(s.relationsWithoutEvidence == 1)
        #expect(s.undatedRelations == 1)
        #expect(s.earliest?.description == "2019")
        #expect(s.latest?.description == "2022-02")
    }
}
