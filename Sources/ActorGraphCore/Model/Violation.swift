/// A problem in a graph: what is wrong (``code``, ``message``), how bad it is (``severity``) and
/// which element and field it is about (``subject``).
///
/// ``ActorGraph/validate(options:)`` produces them for graphs the model can hold but a valid graph
/// may not have (unknown references, duplicate ids, cycles…); readers produce the decoding ones
/// (``unknownValue(_:of:at:)``, ``invalidDate(_:at:)``, ``invalidWeight(_:at:)``) with the same
/// constructors, so one defect reads the same whatever the format. Readers locate a violation by
/// its subject; the message never contains a place.
public struct GraphViolation: Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem it is.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// A required text (id, name, path, reference) is empty or blank.
        case emptyValue
        /// A word outside a closed vocabulary (actor kind, relation type, modality).
        case unknownValue
        case invalidDate
        case invalidWeight
        /// A country that is not an assigned ISO 3166-1 alpha-2 code.
        case invalidCountry
        /// A second document, actor or relation with an id already used.
        case duplicateID
        case unknownActor
        case unknownDocument
        /// `until` ends before `date` begins (relations and memberships).
        case untilBeforeDate
        case membershipCycle
        /// A relation from an actor to itself (a warning: see docs/DECISIONS.md).
        case selfRelation
        case emptyQuote
        /// A relation without evidence (a warning, only when asked for).
        case missingEvidence
        /// A document path that resolves outside the corpus folder (checked by the file readers).
        case documentOutsideCorpus
        /// A document that cannot be read as UTF-8 text (checked by the file readers).
        case unreadableDocument
        /// A quote that does not occur in its document (checked by the file readers).
        case quoteNotFound
    }

    public enum Severity: String, Sendable, Hashable { case error, warning }

    /// An element of a graph, by its position in the graph's arrays.
    public enum Element: Sendable, Hashable {
        case graph
        case document(Int)
        case actor(Int)
        /// The `index`-th `memberOf` entry of the `actor`-th actor.
        case membership(actor: Int, index: Int)
        case relation(Int)
        /// The `index`-th evidence item of the `relation`-th relation.
        case evidence(relation: Int, index: Int)

        /// The element this one is part of (a membership's actor, an evidence item's relation).
        public var parent: Element? {
            switch self {
            case .graph: return nil
            case .document, .actor, .relation: return .graph
            case .membership(let actor, _): return .actor(actor)
            case .evidence(let relation, _): return .relation(relation)
            }
        }

        /// How messages name an element of this kind: "an actor", "a memberOf entry".
        public var noun: String {
            switch self {
            case .graph: return "the graph"
            case .document: return "a document"
            case .actor: return "an actor"
            case .membership: return "a memberOf entry"
            case .relation: return "a relation"
            case .evidence: return "an evidence entry"
            }
        }
    }

    /// An element and, optionally, one of its fields, named by its key in graph files
    /// (`id`, `source`, `until`, `quote`…; see docs/FORMAT.md).
    public struct Subject: Sendable, Hashable {
        public var element: Element
        public var field: String?
        public init(_ element: Element, _ field: String? = nil) {
            self.element = element
            self.field = field
        }
    }

    public var code: Code
    public var severity: Severity
    public var message: String
    public var subject: Subject
    /// Another place the problem involves: the first definition of a duplicated id.
    public var related: Subject?

    public init(_ code: Code, _ message: String, at subject: Subject, severity: Severity = .error,
                related: Subject? = nil) {
        self.code = code
        self.severity = severity
        self.message = message
        self.subject = subject
        self.related = related
    }

    /// `error: message` or `warning: message`.
    public var description: String { "\(severity.rawValue): \(message)" }

    // MARK: Shared messages

    /// A " (did you mean 'x'?)" suffix when `word` is close to one of `candidates`, else "".
    public static func didYouMean<S: Sequence>(_ word: String, _ candidates: S) -> String
    where S.Element == String {
        guard let guess = TextFolding.suggestion(for: word, among: candidates) else { return "" }
        return " (did you mean '\(guess)'?)"
    }

    /// A value outside a vocabulary, with a suggestion and the list of allowed values.
    public static func unknownValue<T: VocabularyTerm>(_ text: String, of type: T.Type,
                                                       at subject: Subject) -> GraphViolation {
        let names = T.allCases.map(\.rawValue)
        return GraphViolation(.unknownValue, "unknown \(T.vocabularyName) '\(text)'"
                              + didYouMean(text, names) + "; expected one of: "
                              + names.joined(separator: ", "), at: subject)
    }

    /// A date that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or not a real calendar date.
    public static func invalidDate(_ text: String, at subject: Subject) -> GraphViolation {
        GraphViolation(.invalidDate, "invalid date '\(text)' for '\(subject.field ?? "date")' "
                       + "(expected YYYY, YYYY-MM or YYYY-MM-DD)", at: subject)
    }

    /// A weight that is not a finite number.
    public static func invalidWeight(_ text: String, at subject: Subject) -> GraphViolation {
        GraphViolation(.invalidWeight, "invalid weight '\(text)' (expected a finite number)", at: subject)
    }

    /// A required text that is empty or blank.
    public static func empty(at subject: Subject) -> GraphViolation {
        GraphViolation(.emptyValue, "'\(subject.field ?? "value")' of \(subject.element.noun) is empty",
                       at: subject)
    }

    /// Keeps the first `limit` warnings of each code and replaces the rest by one summary line
    /// ("12 more relations cite no evidence (17 in all)"), about the graph as a whole.
    public static func summarized(_ violations: [GraphViolation], limit: Int = 5) -> [GraphViolation] {
        var totals: [Code: Int] = [:]
        for v in violations where v.severity == .warning { totals[v.code, default: 0] += 1 }
        var seen: [Code: Int] = [:]
        var kept: [GraphViolation] = []
        for v in violations {
            guard v.severity == .warning else { kept.append(v); continue }
            seen[v.code, default: 0] += 1
            if seen[v.code]! <= limit { kept.append(v) }
        }
        for code in Code.allCases {
            guard let total = totals[code], total > limit else { continue }
            let what = code == .selfRelation ? "join an actor to itself"
                : code == .missingEvidence ? "cite no evidence" : "have the warning '\(code.rawValue)'"
            kept.append(GraphViolation(code, "\(total - limit) more relations \(what) (\(total) in all)",
                                       at: Subject(.graph), severity: .warning))
        }
        return kept
    }
}

/// A closed vocabulary: actor kinds, relation types, modalities.
public protocol VocabularyTerm: RawRepresentable, CaseIterable, Sendable where RawValue == String {
    /// How messages name the vocabulary: "actor kind", "relation type", "modality".
    static var vocabularyName: String { get }
}

extension ActorKind: VocabularyTerm { public static var vocabularyName: String { "actor kind" } }
extension RelationType: VocabularyTerm { public static var vocabularyName: String { "relation type" } }
extension Modality: VocabularyTerm { public static var vocabularyName: String { "modality" } }

/// Thrown by ``ActorGraph/validated(options:)``: the violations of a graph with errors.
public struct GraphValidationError: Error, Sendable, CustomStringConvertible {
    public var violations: [GraphViolation]
    public init(_ violations: [GraphViolation]) { self.violations = violations }
    /// One `error: message` line per violation.
    public var description: String { violations.map(\.description).joined(separator: "\n") }
}
