package com.eros.tools.generate;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Message and caption texts of the demo data. Caption texts are built from three word lists indexed
 * by a permutation of the caption number, so distinct numbers give texts that differ in words (not
 * only in case or white space). Free texts carry {@code #<message_id>}, a character no caption has,
 * so they never match a caption.
 */
final class Texts {
  private static final String[] OPENERS = {
    "Just dropped",
    "Brand new",
    "You asked for it:",
    "Finally here:",
    "Only for you:",
    "Surprise!",
    "Weekend special:",
    "Late night treat:",
    "Fresh from today:",
    "Guess what,",
    "Sneak peek:",
    "Do not miss",
    "Back by demand:",
    "Limited time:",
    "Good morning!",
    "Happy hump day,",
    "Couldn't wait to share",
    "Unlock now:",
    "Hot off the camera:",
    "My favourite yet:",
    "VIP only:",
    "Heads up,",
    "Thank you gift:",
    "Top secret:"
  };
  private static final String[] BODIES = {
    "my beach photo set", "the full workout video", "a behind the scenes clip", "my cosplay shoot",
    "the outfit you voted for", "a cozy evening vlog", "my new lingerie try-on",
        "the bubble bath set",
    "a golden hour photo dump", "the gym mirror series", "my vacation diaries",
        "a dance challenge video",
    "the rainy day set", "my kitchen adventure", "a long voice note", "the red dress collection",
    "the poolside clip", "my morning routine", "a candlelit photo set", "the road trip album",
    "my first ever bundle", "a custom style teaser", "the neon lights shoot", "my yoga flow video",
    "a silly bloopers reel", "the denim set", "my birthday shoot", "the snowy cabin album",
    "a late night livestream replay", "the rooftop sunset set"
  };
  private static final String[] CLOSERS = {
    "\uD83D\uDD25",
    "\uD83D\uDC8B",
    "\u2764\uFE0F",
    "\uD83D\uDE18",
    "\uD83D\uDE08",
    "\uD83C\uDF52",
    "- open it before it's gone",
    "- tell me what you think",
    "- only this week",
    "- you'll love it",
    "- reply if you want more",
    "- no spoilers",
    "- just for my favourites",
    "- don't be shy",
    "- it's a big one",
    "- worth every second",
    "- comment your favourite",
    "- see you inside",
    "- grab it tonight",
    "- made with love"
  };

  /** Number of distinct base texts; further captions get a " vol. N" suffix. */
  static final int BASE_TEXTS = OPENERS.length * BODIES.length * CLOSERS.length;

  /** Coprime to {@link #BASE_TEXTS}, so {@code c * STRIDE mod BASE_TEXTS} is a permutation. */
  private static final long STRIDE = 7919;

  private static final String[] GREETINGS = {"hey", "hi", "hello", "morning", "yo", "heyyy", "omg"};
  private static final String[] NAMES = {
    "babe", "love", "handsome", "you", "sweetie", "friend", "cutie"
  };
  private static final String[] PHRASES = {
    "thanks so much for the tips today", "how was your week?", "I read every reply, promise",
    "what should I shoot next?", "sorry for the late answer", "thinking of doing a live soon",
    "had the best day at the park", "sending you good vibes", "did you see my story?",
    "can't believe it's already friday"
  };

  private Texts() {}

  /**
   * The text of caption number {@code c} (0-based); distinct numbers give distinct normalised
   * texts.
   */
  static String caption(long c) {
    long permuted = Math.floorMod(c * STRIDE, BASE_TEXTS);
    long round = c / BASE_TEXTS;
    int o = (int) (permuted % OPENERS.length);
    int b = (int) ((permuted / OPENERS.length) % BODIES.length);
    int e = (int) (permuted / ((long) OPENERS.length * BODIES.length));
    String text = OPENERS[o] + " " + BODIES[b] + " " + CLOSERS[e];
    return round == 0 ? text : text + " vol. " + (round + 1);
  }

  /** A free-text message that matches no caption (captions never contain '#'). */
  static String freeText(SplittableRandom rng, long messageId) {
    return GREETINGS[rng.nextInt(GREETINGS.length)]
        + " "
        + NAMES[rng.nextInt(NAMES.length)]
        + ", "
        + PHRASES[rng.nextInt(PHRASES.length)]
        + " #"
        + messageId;
  }

  /**
   * The same text as typed by hand: a different case and/or extra white space (spaces, tabs, a
   * newline), never equal to {@code text} itself, always equal to it after normalisation.
   */
  static String variant(String text, SplittableRandom rng) {
    String out;
    int attempts = 0;
    do {
      out = mangle(text, rng, rng.nextInt(6));
      attempts++;
    } while (out.equals(text) && attempts < 4);
    return out.equals(text) ? "  " + text.toUpperCase(Locale.ROOT) : out;
  }

  private static String mangle(String text, SplittableRandom rng, int kind) {
    switch (kind) {
      case 0:
        return text.toUpperCase(Locale.ROOT);
      case 1:
        return text.toLowerCase(Locale.ROOT);
      case 2:
        return widenSpaces(text, rng, "  ");
      case 3:
        return widenSpaces(text, rng, "\t");
      case 4:
        return " " + text + "  ";
      default:
        return "\t" + widenSpaces(text.toUpperCase(Locale.ROOT), rng, " \n ") + " ";
    }
  }

  /**
   * Replaces a random one of the single spaces (or, when there is none, prepends) with {@code gap}.
   */
  private static String widenSpaces(String text, SplittableRandom rng, String gap) {
    int spaces = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == ' ') {
        spaces++;
      }
    }
    if (spaces == 0) {
      return gap + text;
    }
    int pick = rng.nextInt(spaces);
    StringBuilder sb = new StringBuilder(text.length() + gap.length());
    int seen = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == ' ' && seen++ == pick) {
        sb.append(gap);
      } else {
        sb.append(ch);
      }
    }
    return sb.toString();
  }
}
