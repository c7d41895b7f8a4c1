import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/contract/envelope';
import { parseRulePackFile, type RulePackFile } from '../../../shared/contract/rule-pack-file';
import { diffRulePack, type CurrentCodes } from '../../../shared/domain/rule-pack-diff';
import type { EventType } from '../../../shared/domain/rule-pack';
import { pathwayTypeLabel, type PathwayTypeId } from '../../../shared/domain/pathway-types';
import { addDays, formatDate, todayInOslo } from '../../../shared/domain/time';
import { appendAudit } from '../audit';
import type { ServiceContext } from './context';
import { loadRuleVersions, ruleTimeRow } from './pathway-clock';
import { fixed } from '../db/replan';

type Db = ServiceContext['db'];

function invalid(problems: string[]): never {
  throw new AppError(
    'invalid_input',
    problems[0]!,
    problems.map((message) => ({ path: 'file', message })),
  );
}

async function currentCodes(db: Db): Promise<CurrentCodes[]> {
  const [pathways, events] = await Promise.all([
    db.selectFrom('rule_pathway').select(['pathway_type', 'code']).execute(),
    db.selectFrom('rule_event').select(['pathway_type', 'type', 'code_suffix']).execute(),
  ]);
  return pathways.map((p) => ({
    pathwayType: p.pathway_type as PathwayTypeId,
    code: p.code,
    events: events.filter((e) => e.pathway_type === p.pathway_type).map((e) => ({ type: e.type as EventType, codeSuffix: e.code_suffix })),
  }));
}

/**
 * Importing a dated national rule pack file (issue #13 §2; rule packs are data, decision 0004): checked, shown as a
 * diff, then stored as new national versions from the pack's date — new pathways get them, running ones keep theirs
 * until the coordinator moves them. Each import records who, when and which file (SHA-256).
 */
export function createRulePackImportService(ctx: ServiceContext) {
  async function check(db: Db, content: string): Promise<{ pack: RulePackFile; sha256: string }> {
    const parsed = parseRulePackFile(content);
    if (!parsed.ok) invalid(parsed.problems);
    const { pack } = parsed;
    const sha256 = createHash('sha256').update(content, 'utf8').digest('hex');
    const problems: string[] = [];
    const same = await db
      .selectFrom('rule_pack_import')
      .select(['imported_at'])
      .where((eb) => eb.or([eb('file_sha256', '=', sha256), eb('pack_id', '=', pack.id)]))
      .executeTakeFirst();
    if (same) problems.push(`Denne regelpakken er allerede importert (${formatDate(same.imported_at.slice(0, 10))}).`);
    const versions = await db
      .selectFrom('rule_version')
      .select(['pathway_type', 'valid_from'])
      .where('origin', '=', 'national')
      .where('withdrawn_at', 'is', null)
      .execute();
    pack.pathways.forEach((p, i) => {
      const later = versions
        .filter((v) => v.pathway_type === p.pathwayType && v.valid_from >= pack.validFrom)
        .map((v) => v.valid_from)
        .sort()
        .at(-1);
      if (later)
        problems.push(
          `Forløp ${i + 1} (${pathwayTypeLabel(p.pathwayType)}): det finnes allerede en nasjonal versjon fra ${formatDate(later)}. Pakken må gjelde fra en senere dato.`,
        );
    });
    if (problems.length) invalid(problems);
    return { pack, sha256 };
  }

  return {
    async previewPack(input: { fileName: string; content: string }) {
      const { pack, sha256 } = await check(ctx.db, input.content);
      const diffs = diffRulePack(pack, await loadRuleVersions(ctx.db), await currentCodes(ctx.db));
      const today = todayInOslo(ctx.clock());
      const changesCodes = diffs.some((d) => d.codes.length > 0);
      return {
        packId: pack.id,
        title: pack.title,
        publisher: pack.publisher,
        validFrom: pack.validFrom,
        source: pack.source,
        fileName: input.fileName,
        sha256,
        diffs,
        codesRefused:
          changesCodes && pack.validFrom > today
            ? `Pakken endrer koder og gjelder fra ${formatDate(pack.validFrom)}. Koder har ingen dato her; importer pakken fra den dagen.`
            : null,
      };
    },

    async importPack(input: { fileName: string; content: string }) {
      const now = ctx.clock();
      const today = todayInOslo(now);
      return ctx.db.transaction().execute(async (trx) => {
        const { pack, sha256 } = await check(trx, input.content);
        const diffs = diffRulePack(pack, await loadRuleVersions(trx), await currentCodes(trx));
        if (diffs.some((d) => d.codes.length > 0) && pack.validFrom > today) {
          invalid([`Pakken endrer koder og gjelder fra ${formatDate(pack.validFrom)}. Koder har ingen dato her; importer pakken fra den dagen.`]);
        }
        const stamp = now.toISOString();
        const created: { id: string; pathwayType: PathwayTypeId }[] = [];
        for (const p of pack.pathways) {
          const id = `national-${pack.validFrom}-${p.pathwayType}`;
          // The previous national version stops the day before; its rows are otherwise untouched (decision 0004).
          await trx
            .updateTable('rule_version')
            .set({ valid_to: addDays(pack.validFrom, -1) })
            .where('pathway_type', '=', p.pathwayType)
            .where('origin', '=', 'national')
            .where('valid_from', '<', pack.validFrom)
            .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', pack.validFrom)]))
            .execute();
          await trx
            .insertInto('rule_version')
            .values({
              id,
              pathway_type: p.pathwayType,
              valid_from: pack.validFrom,
              valid_to: null,
              clock_start: p.clockStart,
              origin: 'national',
              source: `${p.source} (regelpakke ${pack.id})`,
              created_at: stamp,
              withdrawn_at: null,
              withdrawn_reason: null,
              valid_from_confidence: p.validFromConfidence,
              valid_from_note: `Importert fra ${input.fileName}`,
            })
            .execute();
          await trx
            .insertInto('rule_time')
            .values(p.times.map((t) => ruleTimeRow(id, t, t.confidence, t.source || pack.source)))
            .execute();
          if (p.codes?.pathway !== undefined)
            await trx
              .updateTable('rule_pathway')
              .set({ code: p.codes.pathway ?? null })
              .where('pathway_type', '=', p.pathwayType)
              .execute();
          for (const [type, suffix] of Object.entries(p.codes?.events ?? {})) {
            await trx
              .updateTable('rule_event')
              .set({ code_suffix: suffix ?? null })
              .where('pathway_type', '=', p.pathwayType)
              .where('type', '=', type)
              .execute();
          }
          created.push({ id, pathwayType: p.pathwayType });
        }
        const row = await trx
          .insertInto('rule_pack_import')
          .values({
            pack_id: pack.id,
            title: pack.title,
            publisher: pack.publisher,
            valid_from: pack.validFrom,
            file_name: input.fileName,
            file_sha256: sha256,
            imported_by: ctx.actor().profile,
            imported_at: stamp,
            version_ids: JSON.stringify(created.map((c) => c.id)),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await appendAudit(trx, ctx.actor(), { action: 'rules.importPack', entity: 'rule_pack_import', entityId: row.id, patientId: null }, now);
        const open = await trx
          .selectFrom('pathway')
          .select(['pathway_type', (eb) => eb.fn.countAll<number>().as('n')])
          .where('status', '=', fixed('open'))
          .where(
            'pathway_type',
            'in',
            created.map((c) => c.pathwayType),
          )
          .groupBy('pathway_type')
          .execute();
        return {
          importId: row.id,
          versions: created.map((c) => ({
            id: c.id,
            pathwayType: c.pathwayType,
            label: pathwayTypeLabel(c.pathwayType),
            openPathways: Number(open.find((o) => o.pathway_type === c.pathwayType)?.n ?? 0),
          })),
        };
      });
    },

    async listPackImports() {
      const rows = await ctx.db.selectFrom('rule_pack_import').selectAll().orderBy('id', 'desc').execute();
      return rows.map((r) => ({
        id: r.id,
        packId: r.pack_id,
        title: r.title,
        publisher: r.publisher,
        validFrom: r.valid_from,
        fileName: r.file_name,
        sha256: r.file_sha256,
        importedBy: r.imported_by,
        importedAt: r.imported_at,
        versionIds: JSON.parse(r.version_ids) as string[],
      }));
    },
  };
}
