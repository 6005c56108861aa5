import ActorGraphCore
import Foundation
import Synchronization

/// Progress of long computations on stderr: at most every few seconds, terminal or not.
enum ProgressNotice {
    /// Seconds per actor·edge step of an all-pairs search on this kind of machine (two cores),
    /// measured on Barabási–Albert graphs (docs/BENCHMARKS.md); used only for the warning.
    static let secondsPerStep = 1.5e-8

    /// Warns on stderr when an all-pairs measure will take long, with how to sample, and returns
    /// a progress reporter for it.
    static func announce(_ measure: Measure, view: GraphView, sample: Int?) -> ProgressHandler? {
        let sources = min(sample ?? view.actorCount, view.actorCount)
        let steps = Double(sources) * Double(max(view.edgeCount, 1))
        guard steps > Double(Centrality.costlyPairs) else { return nil }
        let seconds = steps * secondsPerStep
        var text = "centrality: \(measure.rawValue) searches from \(sources) of \(view.actorCount) actors over "
            + "\(view.edgeCount) edges: about \(duration(seconds))"
        if measure == .betweenness && sample == nil {
            text += "; --sample 100 estimates it from 100 sources in about \(duration(100 * Double(view.edgeCount) * secondsPerStep))"
        }
        printError(text)
        return reporter(measure.rawValue)
    }

    /// Prints "label: done/total" at most every `interval` seconds (and at the end); on a terminal
    /// it rewrites one line.
    static func reporter(_ label: String, interval: Double = 5) -> ProgressHandler {
        let terminal = isatty(STDERR_FILENO) == 1
        let last = Mutex<Double>(Date().timeIntervalSince1970)
        return { done, total in
            let now = Date().timeIntervalSince1970
            let due = last.withLock { t -> Bool in
                guard done == total || now - t >= (terminal ? 0.2 : interval) else { return false }
                t = now
                return true
            }
            guard due else { return }
            let line = "\(label): \(done)/\(total) sources"
            FileHandle.standardError.write(Data((terminal ? "\r" + line + (done == total ? "\n" : "") : line + "\n").utf8))
        }
    }

    static func duration(_ seconds: Double) -> String {
        seconds < 90 ? "\(Int(seconds.rounded(.up))) s" : seconds < 5400 ? "\(Int((seconds / 60).rounded())) min"
            : String(format: "%.1f h", seconds / 3600)
    }
}
