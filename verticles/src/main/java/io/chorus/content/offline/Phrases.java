package io.chorus.content.offline;

import java.util.List;

/**
 * The phrase banks the layouts draw from, in {@link Grammar} templates: {@code [a|b]} is a choice,
 * {@code {slot}} is the campaign's material ({@code name}, {@code desc}, {@code short},
 * {@code fact}, {@code trend}, {@code detail}, {@code headline}, {@code emoji}). A template
 * naming a slot the campaign cannot fill is never chosen.
 */
final class Phrases {
  /** Sentences that say what the product is; the headline one keeps bare briefs readable. */
  static final List<String> PRODUCT = List.of(
      "{name} is {desc}.",
      "[Think|Picture] {desc}[.| — that's {name}.]",
      "[It's|This is] {desc}.",
      "[What is it?|The idea?|In short?|So what is it?] {desc}.",
      "[Meet|Say hello to|This is] {name}: {desc}.",
      "{name}: {desc}.",
      "[We made|We created|We put together] {name} [with care|for moments like this|for you|slowly and carefully].",
      "{headline}[.|!]");

  /** Short product lines for X and TikTok. */
  static final List<String> PRODUCT_SHORT = List.of(
      "{name}: {short}.",
      "[Meet|Say hi to|Hello,] {name}.",
      "{short}. [That's|Meet|Say hello to] {name}.",
      "{name}[ is here| has landed| is out now].",
      "[Now pouring|Now on the shelf|Out now|New]: {name}.",
      "{lead}.");

  /** Sentences carrying one key message. */
  static final List<String> FACT = List.of(
      "{fact}.",
      "[Good to know|Worth knowing|Quick note|Also]: {fact}.",
      "[The part we're proudest of|The detail we love|Our favourite detail]? {fact}.",
      "[Fun fact|Little detail|Side note] — {fact}.",
      "[One detail worth sharing|Little thing, big difference|Not a small thing]: {fact}.",
      "[Why we love it|Why it matters|What sets it apart]: {fact}.",
      "{fact}[ — and we think that matters.| — no shortcuts.|, simple as that.|. That's the whole idea.]",
      "[And yes,|Oh, and|Plus,] {fact}.",
      "[We'll say it plainly|Plainly put|To be clear]: {fact}.");

  /** Sentences tying the post to a trending topic. */
  static final List<String> TREND = List.of(
      "[Perfect for|Just in time for|Made for|Ready for] {trend}.",
      "[Our kind of|Your new favourite part of|A small upgrade for] {trend}.",
      "[If|When] {trend} [is your thing|is on your mind], [this is for you|you'll want this|we've got you].",
      "[Pairs well with|Goes nicely with|Belongs in] {trend}.",
      "[Here for|Count us in for|All in on] {trend}.");

  /** The brief's other sentences, carried as they are. */
  static final List<String> DETAIL = List.of(
      "{detail}.",
      "[Good news|Practical bit|Where and when|The details]: {detail}.",
      "[Oh, and one more thing.|One more thing.|Also worth saying.] {detail}.");

  /** Ways into the call to action; the bare one keeps a trailing link last. */
  static final List<String> CTA_LEADS = List.of(
      "", "", "Curious?", "Want to try it?", "Ready?", "Tempted?", "Sound good?", "Next step:",
      "Where to find it:", "Get yours:", "Don't miss it:", "Come and see:");

  /** A LinkedIn post's wider point, when the campaign has no trend to make it with. */
  static final List<String> INSIGHT = List.of(
      "[Quality|Craft|Care] [isn't an accident|takes time|is a choice we make every day], and [we think it shows|our customers notice|it is worth the effort].",
      "[We believe|Our view is|We have learned] that [the small details|consistency|doing things properly] [build trust|are what people remember|make the difference over time].",
      "[For us|For our team], [this launch|this work|it] is about [doing fewer things better|earning trust one detail at a time|making something we are proud to put our name on].");

  /** A LinkedIn post's wider point, tied to the trend. */
  static final List<String> INSIGHT_TREND = List.of(
      "It also speaks to a wider conversation about {trend}, and we think that conversation is worth joining.",
      "As more people talk about {trend}, we want to show what doing it well looks like.",
      "We see {trend} as more than a moment, and this is our [contribution to it|way of taking part].",
      "[Interest in|The conversation around] {trend} keeps growing; [this is our answer|here is how we respond|we wanted to respond with substance].");

  static final List<String> LINKEDIN_FACT_INTROS = List.of(
      "What makes it different:", "A few things we are proud of:", "Why it matters:", "The details that count:",
      "What goes into it:", "Some facts behind the launch:", "In practice, that means:");

  static final List<String> LINKEDIN_BULLETS = List.of("- ", "• ", "→ ", "✓ ", "▪ ");

  static final List<String> LINKEDIN_QUESTIONS = List.of(
      "[We would be glad to hear|We'd love to know|Tell us] how your team sees it.",
      "What would you add?",
      "[How are you thinking about|Where do you stand on] {trend}?",
      "[Thank you|Thanks] to everyone who helped make this happen.",
      "[More to share soon.|There is more to come.|This is only the start.]",
      "[Have you tried it yet?|Have you had a chance to try it?] [Your perspective is welcome below.|Share your view in the comments.]");

  /** TikTok's opening lines: the hook comes first. */
  static final List<String> TIKTOK_HOOKS = List.of(
      "POV: you just found your new favourite [thing|treat|ritual] {emoji}",
      "[Wait for it|Stay till the end|Watch this]… {emoji}",
      "[Things that just make sense|Small joys|Little wins]: {name} {emoji}",
      "Tell me you love {trend} without telling me {emoji}",
      "This is your sign to try {name} {emoji}",
      "[Rating|Reviewing|Trying] {name} [honestly|in ten seconds|for the first time] {emoji}",
      "[Nobody talks about this|Secret's out|Not gatekeeping this]: {fact} {emoji}",
      "[Run, don't walk|Drop everything]: {name} {emoji}",
      "[Main character energy|That feeling when]: {trend} + {name} {emoji}");

  /** Facebook's chatty asides between the facts. */
  static final List<String> FACEBOOK_ASIDES = List.of(
      "[We've been|The team has been] [so excited about this one|counting the days|smiling all week].",
      "[Honestly|Between us|We'll admit it], [we're a little proud|it's been hard to keep quiet|we can't stop talking about it].",
      "[Tag someone who|Know someone who] [would love this|needs to see this]?",
      "[Let us know in the comments|Tell us below|Drop us a comment] [what you think|if you've tried it|how you'd enjoy it].",
      "[Hope|We hope] you [love it|enjoy it] as much as we do.",
      "[It's the kind of thing|This is exactly the thing] we [love sharing with you|started doing this for].");

  static final List<String> FACEBOOK_GREETINGS = List.of(
      "", "", "Hi everyone!", "Hello, friends!", "Hey there!", "Good news, neighbours!", "Hi all!");

  /** Instagram's line decorations. */
  static final List<String> EMOJI = List.of("✨", "🙌", "💛", "👇", "📍", "🌿", "🎉", "😊", "🔥", "👀", "🤎", "🌟");

  private Phrases() {}
}
