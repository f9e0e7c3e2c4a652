package io.chorus.content.offline;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The point of view a post takes, which decides how it opens and what it dwells on. A variant of
 * a post asks for one by its {@link #id()}; the offline generator writes every one of them.
 */
public enum Angle {
  NEWS(
      "[It's here|It's finally here|Big news|News from our team|Just launched|Now available|Out today]: {name}.",
      "[Say hello to|Meet|Introducing|Please welcome|Allow us to introduce] {name}.",
      "[We've been waiting to share this|We can finally share this|The wait is over|Guess what]: {name} [is here|has arrived|is out now].",
      "{name} [is here|has landed|is out now|just arrived][.|!]",
      "[Fresh|New] [this week|today|on our shelves|from our team]: {name}.",
      "[Some news worth sharing|Announcement time|Hot off the press]: {name} [is ready for you|is finally yours|made it]."),
  BENEFIT(
      "[Need|Want|Looking for|In the mood for] [a small upgrade|something new|a little treat|a reason to pause] [for your day|this week|for the week ahead|right now]?",
      "[Here's|This is] [why|what makes] {name} [worth a try|different|worth your time|a keeper].",
      "{name} [brings|adds] [a little something|something special|a bit of joy] to [your day|the everyday|ordinary mornings|the week].",
      "[Small change|Simple swap|One small switch], [big difference|real difference|happier days]: {name}.",
      "[Treat yourself|Go on, treat yourself|You deserve a treat] [this week|today|this weekend]: {name}.",
      "[Why you'll love|What you'll love about|The best part of] {name}? [The care in every detail|How it makes you slow down|The way it turns an ordinary day around]."),
  STORY(
      "[It started with|It all began with|This began as] [a simple idea|a question|one visit|a conversation over the counter].",
      "[Here's|Let us tell you] [a little|a short|the] story [about|behind] {name}.",
      "[A few months ago|Last year|Not long ago], we set [ourselves|our team] a [challenge|simple goal].",
      "[Every|Each] [product|thing we make] has a story. [This is the one behind|Here's the one behind] {name}.",
      "[We didn't|We never] set out to make [just another|another ordinary|a run-of-the-mill] [launch|product].",
      "[Good things|Some things] take time. {name} [did|was one of them]."),
  QUESTION(
      "[Quick question|Honest question|Question of the day]: [how do you like to start your day|what's your go-to treat this week|what makes something worth trying]?",
      "[Have you|Have you already] [tried|met] {name} [yet|already]?",
      "[How would you|What's the word you'd use to] describe {name} [in one word|in three words]?",
      "[Who's|Who else is] [ready for|excited about|curious about|here for] {trend}?",
      "[What if|Imagine if] [your week|your morning|today] [started|could start] with {name}?",
      "Can we talk about {name} for a [second|minute]?"),
  TREND(
      "[Made for|Built for|Just right for|Perfect timing for] {trend}.",
      "[Talking about|Everyone's talking about|Thinking about] {trend}? [So are we|Same here|We are too].",
      "{trend}[, anyone?|? Count us in.|? We're in.]",
      "[Bring on|Hello,|Welcome back,] {trend}.",
      "[Nothing says|Nothing goes with|Nothing beats] {trend} [like|quite like] {name}.",
      "[It's officially|Hello,|Ah,] {trend} [season|time]."),
  BEHIND_THE_SCENES(
      "[Behind the scenes|A peek behind the curtain|From our workshop|Inside our team]: {fact}.",
      "[A look at|A glimpse of|Here's] how we [make|craft|put together] {name}.",
      "[What you don't see|What happens before it reaches you|The part nobody sees]: {fact}.",
      "[Our team|The people behind it] [put|poured] [months|a lot of care|real care] into {name}.",
      "Ever wondered [what goes into|how we make|who makes] {name}?",
      "[Backstage|Behind the counter|Off camera], [this is|here's] what {name} [looks like|takes]."),
  FACT(
      "[Fact|Did you know|Here's a fact|True story]: {fact}.",
      "[Worth knowing|Good to know|Quick fact|One thing to know]: {fact}.",
      "{fact}. [Yes, really.|Really.|We checked.|No kidding.]",
      "[The short version|In one line|The headline]: {fact}.",
      "[Here's something|One thing] [we're proud of|we love|that matters to us]: {fact}.",
      "[Not many people know this|A little-known detail|Something we rarely mention], but {fact}."),
  TIP(
      "[Tip|Pro tip|Our tip|A small tip] [for the week|of the day|from our team]: [make time for|slow down with|share] {name}.",
      "[How we enjoy|Our favourite way to enjoy|How to get the most out of] {name}: [take your time|share it|start slow|keep it simple].",
      "[Three|A few] [ways|reasons] to [enjoy|try|fall for] {name}[, according to our team| this week|].",
      "[Try this|Here's an idea|Idea for your week]: [make room for|slow down with|share] {name} [with someone you like|on a quiet morning|after a long day].",
      "[Little|Small] [ritual|habit] [worth starting|we swear by]: [ten quiet minutes|a slow start] with {name}.",
      "[Want to make it special|Make it count]? [Take it slow|Share it|Pair it with good company]: {name} [deserves it|is made for that]."),
  COMMUNITY(
      "[You asked|So many of you asked|Your messages said it], [we listened|and we listened|and we answered].",
      "[Made with|Made for|Shaped by] [our community|people like you|our regulars]: {name}.",
      "[Thank you|A big thank you] to [everyone|all of you] who [helped shape|tested|tried|inspired] {name}.",
      "[This one's for|Dedicated to] [our regulars|everyone who stops by|the early risers|you].",
      "[Your feedback|Your ideas|Your questions] [made|shaped] {name}.",
      "[To everyone who|If you ever] [shared an idea with us|stopped by to chat|sent us a note]: {name} [is partly yours|has a bit of you in it].");

  private final List<String> openings;

  Angle(String... openings) {
    this.openings = List.of(openings);
  }

  /** The name a request uses for this angle, e.g. {@code behind-the-scenes}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The angle a request names, by id, in any case; empty for null or a name no angle has. */
  public static Optional<Angle> of(String id) {
    if (id == null) {
      return Optional.empty();
    }
    String wanted = id.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
    return Arrays.stream(values()).filter(angle -> angle.id().equals(wanted)).findFirst();
  }

  /** Every angle's id, in declaration order. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(Angle::id).toList();
  }

  /** The openings this campaign can fill: none needing a trend or a key message it does not have. */
  List<String> openings(Set<String> available) {
    return openings.stream().filter(o -> available.containsAll(Grammar.slotsOf(o))).toList();
  }
}
