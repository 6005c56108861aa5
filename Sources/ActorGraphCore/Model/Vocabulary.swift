/// What sort of actor a node is.
///
/// The six kinds cover what news reporting on conflicts names: states and their organs, armed
/// non-state groups, movements and parties, individuals, international bodies, and anything
/// looser (coalitions, "axes", crowds) as `group`.
public enum ActorKind: String, CaseIterable, Sendable, Hashable, Comparable {
    case government
    case militia
    case organization
    case person
    case international
    case group

    public static func < (lhs: ActorKind, rhs: ActorKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The type of a relation between two actors.
///
/// `meets` is symmetric; the other three are directed from source to target.
public enum RelationType: String, CaseIterable, Sendable, Hashable, Comparable {
    /// Source backs, praises, arms, funds or sides with target (sign +).
    case supports
    /// Source and target met or held talks (symmetric, sign 0 by default).
    case meets
    /// Source rejects, threatens, attacks or condemns target (sign −).
    case opposes
    /// Source hosts target: an office, a base, a visit, a conference, refuge (sign +).
    case hosts

    /// Whether the relation reads the same in both directions.
    public var isSymmetric: Bool { self == .meets }

    /// The default sign used by signed analysis: supports and hosts +1, opposes −1, meets 0.
    public var defaultSign: Int {
        switch self {
        case .supports, .hosts: return 1
        case .opposes: return -1
        case .meets: return 0
        }
    }

    public static func < (lhs: RelationType, rhs: RelationType) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// How firmly the evidence states a relation.
public enum Modality: String, CaseIterable, Sendable, Hashable, Comparable {
    /// The source states it as fact.
    case asserted
    /// Attributed to someone else ("reported by", "according to", "sources said").
    case reported
    /// Rumoured, planned, could happen ("could soon open an office").
    case possible
    /// Stated, then denied by a party to it.
    case denied

    public static func < (lhs: Modality, rhs: Modality) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
