import { afterEach, describe, expect, it } from 'vitest';
import { deleteSetting, meetingTemplateKey, readSetting, writeSetting } from '../../electron/core/settings';
import { makeCore, type TestCore } from '../fixtures/core';

let core: TestCore;
afterEach(async () => core?.dispose());

describe('settings: one typed accessor', () => {
  it('round-trips each kind of value through its stored text', async () => {
    core = await makeCore();
    const db = core.handle.db;
    await writeSetting(db, 'clock.countSaturdays', true);
    await writeSetting(db, 'lock.idleSeconds', 90);
    await writeSetting(db, 'noShow.policy', { attemptsRequired: 3, channels: ['phone', 'sms'] });
    await writeSetting(db, meetingTemplateKey('evaluation'), ['Velkommen', 'Neste møte']);
    await writeSetting(db, 'meetings.printPrivacy', 'none');
    expect(await readSetting(db, 'clock.countSaturdays')).toBe(true);
    expect(await readSetting(db, 'lock.idleSeconds')).toBe(90);
    expect(await readSetting(db, 'noShow.policy')).toEqual({ attemptsRequired: 3, channels: ['phone', 'sms'] });
    expect(await readSetting(db, meetingTemplateKey('evaluation'))).toEqual(['Velkommen', 'Neste møte']);
    expect(await readSetting(db, 'meetings.printPrivacy')).toBe('none');
    const raw = core.handle.sqlite.prepare("select value from app_setting where key = 'clock.countSaturdays'").get() as { value: string };
    expect(raw.value).toBe('1');
    await deleteSetting(db, meetingTemplateKey('evaluation'));
    expect(await readSetting(db, meetingTemplateKey('evaluation'))).toBeNull();
  });

  it('reads a stored value that does not decode as unset, and refuses to write an invalid one', async () => {
    core = await makeCore();
    const db = core.handle.db;
    const put = core.handle.sqlite.prepare('insert or replace into app_setting (key, value) values (?, ?)');
    core.handle.sqlite.prepare("insert or replace into person_setting (login, key, value) values ('', 'lock.idleSeconds', '3')").run();
    put.run('backup.keep', 'many');
    put.run('noShow.policy', '{not json');
    put.run('meetings.printPrivacy', 'everything');
    put.run(meetingTemplateKey('evaluation'), '[1,2]');
    expect(await readSetting(db, 'lock.idleSeconds')).toBeNull();
    expect(await readSetting(db, 'backup.keep')).toBeNull();
    expect(await readSetting(db, 'noShow.policy')).toBeNull();
    expect(await readSetting(db, 'meetings.printPrivacy')).toBeNull();
    expect(await readSetting(db, meetingTemplateKey('evaluation'))).toBeNull();
    await expect(writeSetting(db, 'lock.idleSeconds', 2)).rejects.toThrow();
    expect(await readSetting(db, 'lock.idleSeconds')).toBeNull();
  });
});
