import ActorGraphCore
import Testing

struct RelationFilterTests {
    static func relation(_ date: String?, until: String? = nil, type: RelationType = .supports,
                         modality: Modality = .asserted) -> Relation {
        Relation(id: "r", source: "a", target: "b", type: type, date: date.flatMap(PartialDate.init),
                 until: until.flatMap(PartialDate.init), modality: modality)
    }

    @Test func asOfKeepsWhatHadBegunAndNotEnded() throws {
        let filter = RelationFilter(asOf: PartialDate("2023-06"))
        #expect(filter.keeps(Self.relation("2023-06-30")))          // some day of June 2023
        #expect(filter.keeps(Self.relation("2023")))                // began in 2023
        #expect(!filter.keeps(Self.relation("2023-07")))            // not yet
        #expect(!filter.keeps(Self.relation("2022", until: "2023-05")))  // over by then
        #expect(filter.keeps(Self.relation("2022", until: "2023-06-01")))
        #expect(!filter.keeps(Self.relation(nil)))                  // undated: nothing says it held
    }

    @Test func betweenKeepsOverlaps() throws {
        let filter = RelationFilter(between: PartialDate("2023-01")!...PartialDate("2023-03")!)
        #expect(filter.keeps(Self.relation("2022", until: "2023-01-15")))
        #expect(filter.keeps(Self.relation("2023-03-31")))
        #expect(!filter.keeps(Self.relation("2023-04")))
        #expect(!filter.keeps(Self.relation("2022-12-31")))
        #expect(filter.keeps(Self.relation("2023")))  // could be any day of 2023
    }

    @Test func typesModalitiesAndKinds() {
        let filter = RelationFilter(types: [.hosts, .supports], modalities: [.asserted, .reported])
        #expect(filter.keeps(Self.relation(nil, type: .hosts, modality: .reported)))
        #expect(!filter.keeps(Self.relation(nil, type: .opposes)))
        #expect(!filter.keeps(Self.relation(nil, modality: .possible)))
        let kinds = RelationFilter(actorKinds: [.militia])
        #expect(!kinds.keeps(Self.relation(nil), kind: { $0 == "a" ? .militia : .person }))
        #expect(kinds.keeps(Self.relation(nil), kind: { _ in .militia }))
    }

    @Test func neighborhoodByDepth() {
        let graph = ActorGraph(
            actors: ["a", "b", "c", "d"].map { ActorNode(id: ActorID($0), name: $0, kind: .group) },
            relations: [Relation(id: "1", source: "a", target: "b", type: .meets),
                        Relation(id: "2", source: "c", target: "b", type: .opposes),
                        Relation(id: "3", source: "c", target: "d", type: .hosts)])
        #expect(graph.neighborhood(of: "a", depth: 0).actors.map(\.id) == ["a"])
        #expect(graph.neighborhood(of: "a", depth: 1).actors.map(\.id) == ["a", "b"])
        let two = graph.neighborhood(of: "a", depth: 2)
        #expect(two.actors.map(\.id) == ["a", "b", "c"])
        #expect(two.relations.map(\.id) == ["1", "2"])
    }

    @Test func aViewKeepsEveryActorUnfilteredAndOnlyTouchedOnesFiltered() {
        let graph = ActorGraph(
            actors: ["a", "b", "c", "d"].map { ActorNode(id: ActorID($0), name: $0, kind: .group) },
            relations: [Relation(id: "1", source: "a", target: "b", type: .meets),
                        Relation(id: "2", source: "b", target: "c", type: .opposes)])
        #expect(graph.view().actors == ["a", "b", "c", "d"])
        let meets = graph.view(RelationFilter(types: [.meets]))
        #expect(meets.actors == ["a", "b"])
        #expect(meets.subgraph.actors.map(\.id) == ["a", "b"])
        #expect(meets.subgraph.relations.map(\.id) == ["1"])
        #expect(graph.view(avoiding: ["b"]).actors == ["a", "c", "d"])
        #expect(graph.view(avoiding: ["b"]).relations.isEmpty)
    }
}
