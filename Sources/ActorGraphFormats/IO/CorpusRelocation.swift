import ActorGraphCore
import Foundation

/// Keeping a graph's documents findable when it is written somewhere else.
///
/// `corpus` is relative to the graph file's folder (docs/FORMAT.md), so a graph read from one
/// folder and written to another must have it rewritten. Paths are computed lexically on
/// absolute, standardised paths, as the reader resolves them.
extension ActorGraph {
    /// The folder this graph's document paths are relative to, when it was read from `source`:
    /// `corpus` resolved against the source's folder, or that folder itself.
    public func corpusFolder(readFrom source: URL) -> URL {
        let folder = FolderPath.folder(of: source)
        guard let corpus else { return URL(fileURLWithPath: FolderPath.join(folder, ""), isDirectory: true) }
        return URL(fileURLWithPath: FolderPath.join(FolderPath.components(corpus, relativeTo: folder), ""),
                   isDirectory: true)
    }

    /// The graph as it must be written at `destination` so that its documents resolve to the
    /// same files as when it was read from `source`.
    ///
    /// `source` is the file the document paths were relative to: the graph file (YAML, JSON or
    /// DOT) it was read from, or for CSV tables the documents table (the edges table when there
    /// is none), whose folder is then the corpus. `corpus` becomes the path from the
    /// destination's folder to that corpus (left out when they are the same folder; an absolute
    /// `corpus` stays as it is). When some relative document path climbs out of the corpus
    /// (`../seeds/a.txt` in a table), the corpus becomes the deepest folder holding every
    /// document and the paths are rewritten below it. A destination that is not a file (a FIFO,
    /// a device, `/dev/stdout`) has no folder: the graph is returned unchanged, as for stdout.
    /// A destination that is a symbolic link counts from the link's folder, where it is read.
    public func relocatingCorpus(from source: URL, to destination: URL) -> ActorGraph {
        if let kind = try? OutputDestination.resolve(destination), !kind.isFile { return self }
        let oldCorpus = FolderPath.components(corpusFolder(readFrom: source).path, relativeTo: [])
        var copy = self
        let resolved = documents.map { document in
            document.path.hasPrefix("/") ? nil : FolderPath.components(document.path, relativeTo: oldCorpus)
        }
        var newCorpus = oldCorpus
        if resolved.contains(where: { $0.map { !$0.starts(with: oldCorpus) } ?? false }) {
            // Rebase: the deepest folder holding every (relative) document.
            let folders = resolved.compactMap { $0?.dropLast() }.map(Array.init)
            newCorpus = folders.dropFirst().reduce(folders[0]) { FolderPath.commonPrefix($0, $1) }
            for (index, path) in resolved.enumerated() {
                guard let path else { continue }
                copy.documents[index].path = FolderPath.relative(from: newCorpus, to: path)
            }
        }
        if let corpus, corpus.hasPrefix("/"), newCorpus == oldCorpus { return copy }
        // Relative while the two folders share more than the root; across trees (/tmp and /work),
        // absolute, so the file can still be moved within its own tree.
        let folder = FolderPath.folder(of: destination)
        if FolderPath.commonPrefix(folder, newCorpus).isEmpty && !newCorpus.isEmpty {
            copy.corpus = "/" + newCorpus.joined(separator: "/")
            return copy
        }
        let relative = FolderPath.relative(from: folder, to: newCorpus)
        copy.corpus = relative == "." ? nil : relative
        return copy
    }

    /// The graph as it must be written as tables into `folder`: tables have no corpus, so each
    /// relative document path is rewritten relative to `folder` (climbing with `..` when the
    /// documents lie elsewhere) and `corpus` is left out. ``relocatingCorpus(from:to:)`` with the
    /// documents table as source reads such tables back into a graph file anywhere.
    public func relocatingDocuments(from source: URL, toTablesIn folder: URL) -> ActorGraph {
        let oldCorpus = FolderPath.components(corpusFolder(readFrom: source).path, relativeTo: [])
        let tables = FolderPath.components(folder.path, relativeTo: [])
        var copy = self
        copy.corpus = nil
        for index in copy.documents.indices where !copy.documents[index].path.hasPrefix("/") {
            let path = FolderPath.components(copy.documents[index].path, relativeTo: oldCorpus)
            copy.documents[index].path = FolderPath.relative(from: tables, to: path)
        }
        return copy
    }
}

/// Lexical path arithmetic on absolute paths as component lists (`[]` is the root).
enum FolderPath {
    /// The components of the folder holding `file`, made absolute against the working folder.
    static func folder(of file: URL) -> [String] {
        Array(components(file.path, relativeTo: []).dropLast())
    }

    /// `path` resolved against `base` (ignored for an absolute path), with `.` and `..` applied.
    static func components(_ path: String, relativeTo base: [String]) -> [String] {
        var result = path.hasPrefix("/") ? [] : base
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !result.isEmpty { result.removeLast() }
            default: result.append(String(part))
            }
        }
        return result
    }

    static func join(_ components: [String], _ suffix: String) -> String {
        "/" + components.joined(separator: "/") + suffix
    }

    static func commonPrefix(_ a: [String], _ b: [String]) -> [String] {
        Array(zip(a, b).prefix { $0 == $1 }.map(\.0))
    }

    /// The relative path from the folder `from` to `to` (`.` when they are equal).
    static func relative(from: [String], to: [String]) -> String {
        let shared = commonPrefix(from, to).count
        let parts = Array(repeating: "..", count: from.count - shared) + to.dropFirst(shared)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
