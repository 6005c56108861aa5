/// What ``ActorGraph/validate(options:)`` checks beyond validity.
public struct ValidationOptions: Sendable, Hashable {
    /// Warn about relations without evidence (graph files: curated graphs should cite every
    /// relation; imported tables and DOT often cite none, so they do not ask).
    public var warnsWithoutEvidence: Bool

    public init(warnsWithoutEvidence: Bool = false) {
        self.warnsWithoutEvidence = warnsWithoutEvidence
    }
}

extension ActorGraph {
    /// Every problem of the graph, in graph order (documents, actors and their memberships,
    /// `memberOf` cycles, relations and their evidence).
    ///
    /// Errors: empty ids, names, paths and references; duplicate document, actor and relation
    /// ids; relation endpoints, evidence documents and `memberOf` targets that name nothing (with
    /// a "did you mean"); `until` before `date` on relations and memberships; `memberOf` cycles;
    /// countries that are not ISO 3166-1 alpha-2 codes; blank quotes. Warnings: relations from an
    /// actor to itself (kept, but analysis leaves them out; docs/DECISIONS.md), and relations
    /// without evidence when `options` ask. Quotes are checked against their documents by the
    /// file readers, which can read them.
    ///
    /// - Complexity: O(D + A + M + R·E), plus O(l²) per suggestion for an unknown reference.
    public func validate(options: ValidationOptions = ValidationOptions()) -> [GraphViolation] {
        var checker = Checker(graph: self)
        checker.run(options)
        return checker.violations
    }

    /// The graph itself when it has no errors (warnings are ignored).
    ///
    /// - Throws: ``GraphValidationError`` with every violation, errors and warnings.
    public func validated(options: ValidationOptions = ValidationOptions()) throws -> ActorGraph {
        let violations = validate(options: options)
        if violations.contains(where: { $0.severity == .error }) { throw GraphValidationError(violations) }
        return self
    }
}

/// One validation run: first indices of each id, then the checks in graph order.
private struct Checker {
    typealias Subject = GraphViolation.Subject
    let graph: ActorGraph
    var violations: [GraphViolation] = []
    /// Each actor id's first position in `actors`.
    var actorIndex: [ActorID: Int32] = [:]
    var documentIndex: [DocumentID: Int] = [:]

    init(graph: ActorGraph) { self.graph = graph }

    mutating func report(_ code: GraphViolation.Code, _ message: String, _ element: GraphViolation.Element,
                         _ field: String?, severity: GraphViolation.Severity = .error,
                         related: Subject? = nil) {
        violations.append(GraphViolation(code, message, at: Subject(element, field), severity: severity,
                                         related: related))
    }

    /// Reports a blank text; true when the text is usable.
    mutating func nonEmpty(_ text: String, _ element: GraphViolation.Element, _ field: String) -> Bool {
        // Fast path: a printable ASCII first byte is not white space.
        if let b = text.utf8.first, b > 0x20, b < 0x7F { return true }
        guard text.allSatisfy(\.isWhitespace) else { return true }
        violations.append(.empty(at: Subject(element, field)))
        return false
    }

    /// Records the first index of an id; reports a later one as a duplicate of the first.
    mutating func checkUnique<ID: Hashable & CustomStringConvertible>(
        _ id: ID, _ index: Int, first: Int?, noun: String, element: (Int) -> GraphViolation.Element
    ) {
        guard let first, first != index else { return }
        report(.duplicateID, "duplicate \(noun) id '\(id)'", element(index), "id",
               related: Subject(element(first), "id"))
    }

    mutating func checkOrder(date: PartialDate?, until: PartialDate?, _ element: GraphViolation.Element) {
        if let date, let until, until.endsBefore(date) {
            report(.untilBeforeDate, "'until' \(until) is before 'date' \(date)", element, "until")
        }
    }

    mutating func run(_ options: ValidationOptions) {
        if let corpus = graph.corpus { _ = nonEmpty(corpus, .graph, "corpus") }
        for (i, document) in graph.documents.enumerated() {
            _ = nonEmpty(document.path, .document(i), "path")
            if nonEmpty(document.id.rawValue, .document(i), "id") {
                let first = documentIndex[document.id, default: i]
                documentIndex[document.id] = first
                checkUnique(document.id, i, first: first, noun: "document", element: { .document($0) })
            }
        }
        // The endpoint index already maps each id to its first actor: when it holds as many ids as
        // there are actors, no id is repeated and the map is reused as it is.
        let known = graph.endpointIndex.position
        let unique = known.count == graph.actors.count
        if unique { actorIndex = known } else { actorIndex.reserveCapacity(graph.actors.count) }
        for (i, actor) in graph.actors.enumerated() {
            _ = nonEmpty(actor.name, .actor(i), "name")
            if let country = actor.country { checkCountry(country, .actor(i)) }
            if nonEmpty(actor.id.rawValue, .actor(i), "id"), !unique {
                let first = Int(actorIndex[actor.id, default: Int32(i)])
                actorIndex[actor.id] = Int32(first)
                checkUnique(actor.id, i, first: first, noun: "actor", element: { .actor($0) })
            }
        }
        let actorIDs = graph.actors.map(\.id.rawValue)
        for (i, actor) in graph.actors.enumerated() {
            for (k, membership) in actor.memberOf.enumerated() {
                let element = GraphViolation.Element.membership(actor: i, index: k)
                checkOrder(date: membership.date, until: membership.until, element)
                guard nonEmpty(membership.actor.rawValue, element, "actor") else { continue }
                if actorIndex[membership.actor] == nil {
                    report(.unknownActor, "unknown actor '\(membership.actor)' as memberOf of '\(actor.id)'"
                           + GraphViolation.didYouMean(membership.actor.rawValue, actorIDs), element, "actor")
                }
            }
        }
        checkMembershipCycles()
        checkRelations(options, actorIDs: actorIDs)
    }

    mutating func checkCountry(_ code: String, _ element: GraphViolation.Element) {
        if !CountryCode.isWellFormed(code) {
            let upper = code.uppercased()
            let hint = CountryCode.assigned.contains(upper) ? " (did you mean '\(upper)'?)"
                : " (expected an ISO 3166-1 alpha-2 code such as IQ)"
            report(.invalidCountry, "invalid country '\(code)'\(hint)", element, "country")
        } else if !CountryCode.assigned.contains(code) {
            report(.invalidCountry, "unknown country '\(code)' (not an assigned ISO 3166-1 alpha-2 code)",
                   element, "country")
        }
    }

    mutating func checkRelations(_ options: ValidationOptions, actorIDs: [String]) {
        let documentIDs = graph.documents.map(\.id.rawValue)
        var relationIndex: [RelationID: Int] = [:]
        // Derived ids (a table read without ids) are unique by construction unless mixed with
        // explicit ones or put together from several graphs: they are checked as (ends, type,
        // ordinal) without spelling them; any explicit id means every id is spelled and checked.
        let allDerived = !graph.relations.contains { !$0.hasDerivedID }
        let endpoints = graph.endpointIndex
        var derived: [DerivedKey: Int] = [:]
        if allDerived { if !endpoints.derivedIDsAreUnique { derived.reserveCapacity(graph.relations.count) } } else { relationIndex.reserveCapacity(graph.relations.count) }
        for (i, relation) in graph.relations.enumerated() {
            let element = GraphViolation.Element.relation(i)
            if allDerived && endpoints.derivedIDsAreUnique {
                // One reader's allocator gave every id: nothing to compare.
            } else if allDerived {
                let s = endpoints.sources[i], t = endpoints.targets[i]
                let key = DerivedKey(source: s, target: t, type: relation.type, ordinal: relation.derivedOrdinal)
                if s < 0 || t < 0 {
                    // An unknown endpoint (reported below): spell the id to tell such relations apart.
                    let first = relationIndex[relation.id, default: i]
                    relationIndex[relation.id] = first
                    checkUnique(relation.id, i, first: first, noun: "relation", element: { .relation($0) })
                } else if let first = derived[key] {
                    checkUnique(relation.id, i, first: first, noun: "relation", element: { .relation($0) })
                } else {
                    derived[key] = i
                }
            } else if nonEmpty(relation.id.rawValue, element, "id") {
                let first = relationIndex[relation.id, default: i]
                relationIndex[relation.id] = first
                checkUnique(relation.id, i, first: first, noun: "relation", element: { .relation($0) })
            }
            // (Two calls, not a loop over a two-element array: no allocation per relation.)
            func usable(_ role: String, _ id: ActorID, _ position: Int32) -> Bool {
                guard nonEmpty(id.rawValue, element, role) else { return false }
                if position < 0 {
                    report(.unknownActor, "unknown actor '\(id)' as \(role)"
                           + GraphViolation.didYouMean(id.rawValue, actorIDs), element, role)
                }
                return true
            }
            let sourcePosition = endpoints.sources[i], targetPosition = endpoints.targets[i]
            let sourceUsable = usable("source", relation.source, sourcePosition)
            let targetUsable = usable("target", relation.target, targetPosition)
            // Known ends are the same actor exactly when their positions are; unknown ones by id.
            let selfRelation = sourcePosition >= 0 && targetPosition >= 0
                ? sourcePosition == targetPosition : relation.source == relation.target
            if sourceUsable && targetUsable, selfRelation {
                report(.selfRelation, "relation joins '\(relation.source)' to itself "
                       + "(kept; analysis leaves self-relations out)", element, "target", severity: .warning)
            }
            checkOrder(date: relation.date, until: relation.until, element)
            if relation.evidence.isEmpty, options.warnsWithoutEvidence {
                report(.missingEvidence, "relation \(relation.source) \(relation.type.rawValue) "
                       + "\(relation.target) cites no evidence", element, nil, severity: .warning)
            }
            for (k, evidence) in relation.evidence.enumerated() {
                let item = GraphViolation.Element.evidence(relation: i, index: k)
                if nonEmpty(evidence.document.rawValue, item, "document"), documentIndex[evidence.document] == nil {
                    report(.unknownDocument, "unknown document '\(evidence.document)'"
                           + GraphViolation.didYouMean(evidence.document.rawValue, documentIDs), item, "document")
                }
                if evidence.quote.allSatisfy(\.isWhitespace) {
                    report(.emptyQuote, "empty quote", item, "quote")
                }
            }
        }
    }

    /// Reports each `memberOf` cycle once, at the membership that closes it.
    mutating func checkMembershipCycles() {
        let actors = graph.actors
        guard actors.contains(where: { !$0.memberOf.isEmpty }) else { return }
        // Parents of each actor (first definition of an id), as (actor index, membership index).
        func parents(_ node: Int) -> [(Int, Int)] {
            actors[node].memberOf.enumerated().compactMap { k, m in actorIndex[m.actor].map { (Int($0), k) } }
        }
        // 0 = unvisited, 1 = on the current path, 2 = done.
        var state = [Int](repeating: 0, count: actors.count)
        var reported = Set<Int>()
        for start in actors.indices where state[start] == 0 && actorIndex[actors[start].id] == Int32(start) {
            var path: [Int] = [start]
            var stack: [(node: Int, next: Int, parents: [(Int, Int)])] = [(start, 0, parents(start))]
            state[start] = 1
            while let top = stack.last {
                if top.next == top.parents.count {
                    stack.removeLast(); path.removeLast(); state[top.node] = 2
                    continue
                }
                stack[stack.count - 1].next += 1
                let (parent, membership) = top.parents[top.next]
                switch state[parent] {
                case 0:
                    state[parent] = 1; path.append(parent); stack.append((parent, 0, parents(parent)))
                case 1:
                    guard reported.insert(parent).inserted else { break }
                    let cycle = path[path.firstIndex(of: parent)!...].map { actors[$0].id.rawValue }
                        + [actors[parent].id.rawValue]
                    report(.membershipCycle, "memberOf cycle: " + cycle.joined(separator: " → "),
                           .membership(actor: top.node, index: membership), "actor")
                default: break
                }
            }
        }
    }
}

/// A derived relation id, unspelled: its endpoints' positions among the actors, type and ordinal.
private struct DerivedKey: Hashable {
    var source: Int32
    var target: Int32
    var type: RelationType
    var ordinal: UInt32
}
