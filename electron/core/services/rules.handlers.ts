import type { AreaHandlers, HandlerDeps } from './area-handlers';
import { createRulePackImportService } from './rule-pack-import.service';
import { createRulesService } from './rules.service';

/** The rules area's contract methods, each bound to the service function of the same name. */
export function rulesHandlers({ ctx }: HandlerDeps): AreaHandlers<'rules'> {
  const s = createRulesService(ctx);
  const packs = createRulePackImportService(ctx);
  return {
    'rules.list': () => s.list(),
    'rules.addLocalVersion': (input) => s.addLocalVersion(input),
    'rules.withdrawLocalVersion': (input) => s.withdrawLocalVersion(input),
    'rules.moveOpenPathways': (input) => s.moveOpenPathways(input),
    'rules.setSwitchDate': (input) => s.setSwitchDate(input),
    'rules.previewPack': (input) => packs.previewPack(input),
    'rules.importPack': (input) => packs.importPack(input),
    'rules.listPackImports': () => packs.listPackImports(),
    'rules.getCalendarSettings': () => s.getCalendarSettings(),
    'rules.saveCalendarSettings': (input) => s.saveCalendarSettings(input),
  };
}
