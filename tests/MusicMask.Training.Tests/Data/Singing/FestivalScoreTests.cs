using System.Xml.Linq;
using MusicMask.Training.Data.Singing;

namespace MusicMask.Training.Tests.Data.Singing;

public class FestivalScoreTests
{
    [Fact]
    public void EachSyllableIsOneWordWithItsPitchesInHertzAndItsSecondsJoinedByPlus()
    {
        var song = new[] { new SungNote("love", [69, 69.5], [0.4, 0.3]), SungNote.Rest(0.5), new SungNote("you", [57], [1]) };

        var markup = XDocument.Parse(FestivalScore.Write(song), LoadOptions.None);

        Assert.Equal("SINGING", markup.Root!.Name.LocalName);
        var elements = markup.Root.Elements().ToArray();
        Assert.Equal(["PITCH", "REST", "PITCH"], elements.Select(e => e.Name.LocalName));
        Assert.Equal("440+452.893", elements[0].Attribute("FREQ")!.Value);
        Assert.Equal("0.4+0.3", elements[0].Element("DURATION")!.Attribute("SECONDS")!.Value);
        Assert.Equal("love", elements[0].Value);
        Assert.Equal("0.5", elements[1].Attribute("SECONDS")!.Value);
        Assert.Equal("220", elements[2].Attribute("FREQ")!.Value);
    }

    [Fact]
    public void ASyllableIsMarkupEscaped()
    {
        var markup = XDocument.Parse(FestivalScore.Write([new SungNote("<a&b>", [60], [1])]));

        Assert.Equal("<a&b>", markup.Root!.Element("PITCH")!.Value);
    }
}
