using System.Text.Json;
using MonitorDashboard.Review;

namespace MonitorDashboard.Demo;

/// <summary>
/// Shadow-mode traffic for the demo: the candidate recognizer (stage <c>asr</c>) v2 transcribes beside production v1. It agrees
/// most of the time; when it errs its confidence tends to be lower, so the readiness page has a real story to tell.
/// </summary>
public sealed class DemoShadowPredictions(Random random)
{
    private static readonly string[] Phrases =
    [
        "weather in berlin tomorrow", "play some jazz", "call mom", "set a timer for ten minutes", "navigate to the airport",
        "turn on the kitchen lights", "what is the time in tokyo", "add milk to my shopping list", "read my messages", "stop the music",
    ];

    private static readonly Dictionary<string, string> Confusions = new()
    {
        ["berlin"] = "bern", ["jazz"] = "chess", ["mom"] = "tom", ["ten"] = "then", ["airport"] = "report",
        ["kitchen"] = "chicken", ["tokyo"] = "toledo", ["milk"] = "silk", ["messages"] = "massages", ["music"] = "museum",
    };

    private long _sequence;

    public List<Prediction> Next(long nowMs, int count)
    {
        var predictions = new List<Prediction>(count);
        for (var i = 0; i < count; i++)
        {
            var id = $"demo-{nowMs}-{Interlocked.Increment(ref _sequence)}";
            var phrase = Phrases[random.Next(Phrases.Length)];
            var wrong = random.NextDouble() < 0.12;
            var shadowText = wrong ? Confuse(phrase) : phrase;
            // A confident model is right more often: wrong answers mostly come with lower confidence.
            var confidence = Math.Round(wrong ? 0.45 + (0.5 * random.NextDouble()) : 0.75 + (0.25 * random.NextDouble()), 3);
            var input = JsonSerializer.SerializeToElement(new { audio = $"https://demo.example/audio/{id}.wav", duration_s = Math.Round(1 + (3 * random.NextDouble()), 1), locale = "en-US" });
            predictions.Add(new Prediction(id, nowMs, DemoPipelineSimulator.Model, "asr", input,
                JsonSerializer.SerializeToElement(new { text = phrase }), "model", "v1",
                JsonSerializer.SerializeToElement(new { text = shadowText }), "v2", confidence));
        }
        return predictions;
    }

    private string Confuse(string phrase)
    {
        var words = phrase.Split(' ');
        var candidates = words.Select((w, i) => (w, i)).Where(x => Confusions.ContainsKey(x.w)).ToList();
        var (word, index) = candidates.Count > 0 ? candidates[random.Next(candidates.Count)] : (words[^1], words.Length - 1);
        words[index] = Confusions.GetValueOrDefault(word, word + "s");
        return string.Join(' ', words);
    }
}
