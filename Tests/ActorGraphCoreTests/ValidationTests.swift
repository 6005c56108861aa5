import ActorGraphCore
import Testing

/// The one validator: what it reports, about which element and field.
struct ValidationTests {
    typealias Subject = GraphViolation.Subject

    static func valid() -> ActorGraph {
        ActorGraph(
            documents: [Document(id: "art", path: "art.txt")],
            actors: [ActorNode(id: "a", name: "A", kind: .group, country: "IQ"),
                     ActorNode(id: "b", name: "B", kind: .group, memberOf: [Membership(actor: "a")])],
            relations: [Relation(id: "r1", source: "a", target: "b", type: .supports,
                                 evidence: [Evidence(document: "art", quote: "A backs B")])])
    }

    @Test func aValidGraphHasNoViolations() throws {
        #expect(Self.valid().validate().isEmpty)
        #expect(try Self.valid().validated() == Self.valid())
    }

    @Test func unknownReferencesNameTheirFieldAndSuggest() {
        var graph = Self.valid()
        graph.relations[0].target = "bb"
        graph.relations[0].evidence[0].document = "arts"
        graph.actors[1].memberOf[0].actor = "zzz"
        let found = graph.validate()
        #expect(found.map(\.message) == [
            "unknown actor 'zzz' as memberOf of 'b'",
            "unknown actor 'bb' as target (did you mean 'b'?)",
            "unknown document 'arts' (did you mean 'art'?)",
        ])
        #expect(found.map(\.subject) == [Subject(.membership(actor: 1, index: 0), "actor"),
                                         Subject(.relation(0), "target"),
                                         Subject(.evidence(relation: 0, index: 0), "document")])
        #expect(found.allSatisfy { $0.code == .unknownActor || $0.code == .unknownDocument })
    }

    @Test func duplicatesPointAtTheFirstDefinition() {
        var graph = Self.valid()
        graph.actors.append(ActorNode(id: "a", name: "A again", kind: .person))
        graph.relations.append(graph.relations[0])
        graph.documents.append(Document(id: "art", path: "other.txt"))
        let found = graph.validate().filter { $0.code == .duplicateID }
        #expect(found.map(\.message) == ["duplicate document id 'art'", "duplicate actor id 'a'",
                                         "duplicate relation id 'r1'"])
        #expect(found.map(\.subject) == [Subject(.document(1), "id"), Subject(.actor(2), "id"), Subject(.relation(1), "id")])
        #expect(found.map(\.related) == [Subject(.document(0), "id"), Subject(.actor(0), "id"), Subject(.relation(0), "id")])
    }

    @Test func datesCountriesEmptyValuesAndCycles() {
        var graph = Self.valid()
        graph.relations[0].date = PartialDate("2023-06")
        graph.relations[0].until = PartialDate("2023-05-31")
        graph.actors[0].country = "iq"
        graph.actors[1].country = "ZZ"
        graph.actors[1].name = "  "
        graph.actors[0].memberOf = [Membership(actor: "b")]
        graph.relations[0].evidence[0].quote = " "
        #expect(graph.validate().map(\.description) == [
            "error: invalid country 'iq' (did you mean 'IQ'?)",
            "error: 'name' of an actor is empty",
            "error: unknown country 'ZZ' (not an assigned ISO 3166-1 alpha-2 code)",
            "error: memberOf cycle: a → b → a",
            "error: 'until' 2023-05-31 is before 'date' 2023-06",
            "error: empty quote",
        ])
        #expect(throws: GraphValidationError.self) { try graph.validated() }
    }

    @Test func selfRelationsAreKeptWithAWarning() throws {
        var graph = Self.valid()
        graph.relations[0].target = "a"
        let found = graph.validate()
        #expect(found.map(\.code) == [.selfRelation])
        #expect(found.first?.severity == .warning)
        #expect(try graph.validated() == graph)
    }

    @Test func missingEvidenceWarnsOnlyWhenAskedAndIsSummarised() {
        var graph = Self.valid()
        for k in 0..<7 {
            graph.relations.append(Relation(id: RelationID("x\(k)"), source: "a", target: "b", type: .meets))
        }
        #expect(graph.validate().isEmpty)
        let found = graph.validate(options: ValidationOptions(warnsWithoutEvidence: true))
        #expect(found.count == 7)
        let summary = GraphViolation.summarized(found)
        #expect(summary.count == 6)
        #expect(summary.last?.message == "2 more relations cite no evidence (7 in all)")
        #expect(summary.last?.subject == Subject(.graph))
    }

    @Test func sharedMessagesForDecodingProblems() {
        let at = Subject(.relation(0), "until")
        #expect(GraphViolation.invalidDate("2023-13", at: at).message
                == "invalid date '2023-13' for 'until' (expected YYYY, YYYY-MM or YYYY-MM-DD)")
        #expect(GraphViolation.unknownValue("hots", of: RelationType.self, at: at).message
                == "unknown relation type 'hots' (did you mean 'hosts'?); expected one of: supports, meets, opposes, hosts")
        #expect(GraphViolation.empty(at: Subject(.evidence(relation: 0, index: 0), "document")).message
                == "'document' of an evidence entry is empty")
    }
}
