/**
 * The parties a trigger's own clause names, before roles are given: the
 * actors between the clause's start and the trigger, and those the clause
 * adds around it — a counterpart after 電話会談で, companions (とともに), the
 * inviter and invited of an acceptance, a gathering's attendee, and those a
 * meeting was attended by.
 */
import { afterGloss } from "../mentions.js";
import { ATTENDED_BY } from "./anchors.js";
import type { ActorArg } from "./arguments.js";
import { isSubject } from "./participants.js";
import type { TriggerSite } from "./site.js";

/** Who the subject does something with: とともに, と共に, と一緒に. */
export const COMPANION = /^(?:とともに|と共に|と一緒に|と並んで|と並び)$/;

/** A gathering's attendee described by a relative clause: 首脳会議に出席している韓国の… */
const ATTENDING = /^に(?:出席|参加)(?:している|中の|した)(?:[^、。]{0,8}の)?$/;

export interface ClauseParties {
  /** The actors of the clause, in text order, with those it adds around the trigger. */
  local: ActorArg[];
  /** Whether the subject does it with companions (とともに). */
  companions: boolean;
  /** Whether the subject follows its companions (キム総書記とともに李首相…が参観する). */
  followingSubject: boolean;
}

export function partiesOfClause(
  site: TriggerSite,
  /** The topic whose report the sentence is (ペスコフ報道官は…と明らかにした): no party. */
  reporter: ActorArg | undefined,
): ClauseParties {
  const { doc, trigger, start, end, sentence, clause, args } = site;
  const text = doc.norm.text;
  const speech = doc.quotations.find((q) => q.speech && start > q.start && end < q.end);
  const local = args.actors.filter(
    (a) =>
      a.start >= clause.start &&
      a.start < end &&
      a.end <= clause.end &&
      (!speech || (a.start > speech.start && a.end < speech.end)),
  );
  // 電話会談でブッシュ大統領から「…」と要請された: the counterpart may follow the talk
  if (trigger.type === "CONSULT" && text[end] === "で") {
    const after = args.actors.find(
      (a) =>
        a.start > end && a.start <= end + 16 && a.end <= clause.end && /^(?:から|と|との)$/.test(a.particle),
    );
    if (after) local.push(after);
  }
  // 軍事パレードを、習主席やプーチン大統領とともに観覧した: those the subject attends it with take part
  let companions = false;
  let followingSubject = false;
  if (trigger.roles === "reciprocal" && trigger.type === "CONSULT") {
    // 首相とともに…すし店で非公式の夕食を取りながら、…意見を交わした: one the subject does it with, before it,
    // is the one met
    // (in the clause just before, told as done at the same time — not one travelled with: 夫人とともに…北京入りし、
    // 26日に…習主席と会談し — and only when the clause names no one met of its own)
    const withWhom = args.actors.find(
      (a) =>
        a.start >= sentence.start &&
        a.end <= clause.start &&
        COMPANION.test(a.particle) &&
        a.actors.every((x) => x.kind === "person") &&
        /^[^、。]*ながら、?$/.test(text.slice(a.end, clause.start)),
    );
    if (withWhom && !local.some((a) => a.end <= start && /^(?:と|とも|との)$/.test(a.particle)))
      local.unshift({ ...withWhom, particle: "と" });
    const later = args.actors.filter((a) => a.start >= end && a.end <= clause.end);
    const companion = later.findIndex((a) => COMPANION.test(a.particle));
    companions = companion >= 0;
    if (companion >= 0) {
      let first = companion;
      while (first > 0 && /^(?:や|、|と)$/.test(later[first - 1]!.particle)) first--;
      for (const a of later.slice(first, companion + 1)) local.push({ ...a, particle: "や" });
      // キム総書記とともに李首相や、ロシア与党「統一ロシア」のメドベージェフ党首らが参観する: the subject may
      // follow its companion (a state or party qualifying one of its members is none)
      const rest = later.slice(companion + 1);
      for (let i = 0; i < rest.length; i++) {
        const a = rest[i]!;
        const qualifier =
          (a.particle === "の" || a.particle === "") && !!rest[i + 1] && a.actors[0]?.kind !== "person";
        if (qualifier) continue;
        if (!/^(?:や|、|と|が|は|も|)$/.test(a.particle)) break;
        local.push({ ...a, particle: "や" });
        followingSubject = true;
      }
    }
  }
  // 金委員長は習総書記に対し…訪問するよう招請し、習総書記はこれを受け入れた: who invited whom, earlier in the
  // sentence, are the parties to the acceptance
  // (not the spokesman whose report it is: ペスコフ報道官は…これを受け入れたと明らかにした)
  if (trigger.context) {
    for (const a of args.actors)
      if (
        a.start >= sentence.start &&
        a.end <= start &&
        a !== reporter &&
        !local.includes(a) &&
        /^(?:が|は|から|に|に対し|に対して)$/.test(a.particle)
      )
        local.push(a);
  }
  // (past an aside in brackets: 先進7カ国首脳会議(G7サミット)には首相が出席し)
  const past = afterGloss(text, end);
  // 首脳会議に高市総理大臣が出席する: the attendee of a gathering may follow it
  if (/^に(?:、)?[^。]{0,20}?(?:出席|参加)/.test(text.slice(past, clause.end))) {
    // (…首脳会議に出席している韓国の尹錫悦大統領と会見した: the attendee a relative clause describes)
    const attendee = args.actors.find(
      (a) =>
        a.start >= past &&
        a.end <= clause.end &&
        ((isSubject(a) && /^に[^。]*$/.test(text.slice(past, a.start))) ||
          (a.actors.every((x) => x.kind === "person") && ATTENDING.test(text.slice(past, a.start)))),
    );
    if (attendee) local.push(attendee);
  }
  // 会談には北朝鮮側から金永南…委員長、崔輝…委員長が、韓国側から鄭義溶…室長らが出席した: who attended it
  const attended = ATTENDED_BY.exec(text.slice(past, sentence.end));
  if (attended) {
    const until = past + attended[0].length;
    for (const a of args.actors)
      if (a.start >= past && a.end <= until && a.actors.every((x) => x.kind === "person"))
        local.push({ ...a, particle: "や" });
  }
  return { local, companions, followingSubject };
}
