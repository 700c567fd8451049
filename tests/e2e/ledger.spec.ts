import { expect, pickOption, test } from './fixtures';
import { TEST_DEMO_END } from '../support/demo-template';

test('from an alert: create a ledger item, assign a group, work it through the statuses with comments, see it on the firm’s page', async ({ page, workstation }) => {
  const db = workstation.ws.ctx.db;
  const alert = db
    .prepare(
      `SELECT a.id, a.enterprise_id AS firm, a.subject_zh AS name FROM alert a JOIN warning_rule r ON r.id = a.rule_id
       WHERE r.code = 'ART41' AND a.period = ? AND a.status = 'active' AND a.id NOT IN (SELECT alert_id FROM ledger_alert) ORDER BY a.id LIMIT 1`,
    )
    .get(TEST_DEMO_END) as { id: number; firm: number; name: string };

  await page.goto(`${workstation.url}#/warnings`);
  await page.getByTestId(`alert-to-ledger-${alert.id}`).click();
  await expect(page.getByTestId('ledger-create-subject')).toContainText(alert.name);
  await pickOption(page.getByTestId('ledger-create-group'), page.getByTestId('group-option-task_force'), '专班');
  await page.getByTestId('ledger-create-owner').fill('就业处 王科长');
  await page.getByTestId('ledger-create-ok').click();

  // The new item opens in the ledger.
  await expect(page.getByTestId('ledger-drawer-title')).toContainText(alert.name);
  await expect(page.getByTestId('ledger-drawer-status')).toHaveAttribute('data-status', 'pending');
  const item = db.prepare('SELECT i.id, i.group_code AS g FROM ledger_item i JOIN ledger_alert la ON la.item_id = i.id WHERE la.alert_id = ?').get(alert.id) as { id: number; g: string };
  expect(item.g).toBe('task_force');

  // Assign it to the layoff-risk response group.
  await page.getByTestId('ledger-drawer-group').click();
  await page.getByTestId('drawer-group-option-layoff_response').click();
  await expect(page.getByTestId('ledger-history')).toContainText('裁员风险应对组');

  // pending -> in hand, with a note
  await page.getByTestId('ledger-move-in_progress').click();
  await page.getByTestId('ledger-move-comment').fill('已约谈企业负责人');
  await page.getByTestId('ledger-move-ok').click();
  await expect(page.getByTestId('ledger-drawer-status')).toHaveAttribute('data-status', 'in_progress');

  // in hand -> resolved needs a note: the button stays disabled without one
  await page.getByTestId('ledger-move-resolved').click();
  await expect(page.getByTestId('ledger-move-ok')).toBeDisabled();
  await page.getByTestId('ledger-move-comment').fill('裁员方案已向工会说明并报备，经济补偿足额支付');
  await page.getByTestId('ledger-move-ok').click();
  await expect(page.getByTestId('ledger-drawer-status')).toHaveAttribute('data-status', 'resolved');

  // a progress note, then close
  await page.getByTestId('ledger-comment-input').fill('30人已办理失业登记');
  await page.getByTestId('ledger-comment-submit').click();
  await expect(page.getByTestId('ledger-history')).toContainText('30人已办理失业登记');
  await page.getByTestId('ledger-move-closed').click();
  await page.getByTestId('ledger-move-ok').click();
  await expect(page.getByTestId('ledger-drawer-status')).toHaveAttribute('data-status', 'closed');
  await expect(page.getByTestId('ledger-move-resolved')).toHaveCount(0);

  const actions = db.prepare('SELECT action, from_status AS f, to_status AS t, comment FROM ledger_action WHERE item_id = ? ORDER BY id').all(item.id);
  expect(actions).toEqual([
    { action: 'create', f: null, t: 'pending', comment: '' },
    { action: 'assign', f: null, t: null, comment: '' },
    { action: 'status', f: 'pending', t: 'in_progress', comment: '已约谈企业负责人' },
    { action: 'status', f: 'in_progress', t: 'resolved', comment: '裁员方案已向工会说明并报备，经济补偿足额支付' },
    { action: 'comment', f: null, t: null, comment: '30人已办理失业登记' },
    { action: 'status', f: 'resolved', t: 'closed', comment: '' },
  ]);

  // The firm's page lists the item with its status.
  await page.getByTestId('ledger-drawer-firm').click();
  await expect(page.getByTestId('firm-name')).toHaveText(alert.name);
  await expect(page.getByTestId(`firm-ledger-item-${item.id}`)).toBeVisible();
  await expect(page.getByTestId(`firm-ledger-status-${item.id}`)).toHaveAttribute('data-status', 'closed');
  await expect(page.getByTestId('firm-alerts')).toContainText('已纳入台账');
});

test('the ledger board highlights overdue items, and the table groups items by group', async ({ page, workstation }) => {
  const db = workstation.ws.ctx.db;
  const items = db.prepare("SELECT id, status, due_date AS due, group_code AS g FROM ledger_item").all() as Array<{ id: number; status: string; due: string; g: string }>;
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  await page.goto(`${workstation.url}#/ledger`);
  for (const i of items) {
    const overdue = (i.status === 'pending' || i.status === 'in_progress') && i.due < today;
    await expect(page.getByTestId(`ledger-column-${i.status}`).getByTestId(`ledger-card-${i.id}`)).toHaveAttribute('data-overdue', String(overdue));
  }
  await page.getByTestId('ledger-view-table').click();
  for (const g of new Set(items.map((i) => i.g))) {
    await expect(page.getByTestId(`ledger-group-${g}`).locator('tbody tr.ant-table-row')).toHaveCount(items.filter((i) => i.g === g).length);
  }
});

test('a firm’s trend takes annotations; a ledger item links one found by its text, lists it, and unlinks it', async ({ page, workstation }) => {
  const db = workstation.ws.ctx.db;
  const item = db.prepare('SELECT i.id, i.enterprise_id AS firm, e.name FROM ledger_item i JOIN enterprise e ON e.id = i.enterprise_id ORDER BY i.id DESC LIMIT 1').get() as { id: number; firm: number; name: string };

  // On the firm's page: a click on its trend opens the form for that month.
  await page.goto(`${workstation.url}#/enterprises?firm=${item.firm}`);
  await expect(page.getByTestId('firm-name')).toHaveText(item.name);
  const chart = page.getByTestId('firm-chart');
  await expect(chart.locator('canvas')).toBeVisible();
  const box = (await chart.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.7, box.y + box.height * 0.4);
  const form = page.getByTestId('annotation-form');
  await expect(form).toBeVisible();
  const period = (await form.getByTestId('annotation-from').innerText()).trim();
  await form.getByTestId('annotation-text').fill('车间停产整顿，计划分流安置');
  await page.getByTestId('annotation-save').click();
  await expect(page.getByTestId('annotation-list')).toContainText('车间停产整顿，计划分流安置');
  const note = db.prepare("SELECT id, enterprise_id AS firm, indicator, period_from AS p FROM annotation WHERE text = '车间停产整顿，计划分流安置'").get() as { id: number; firm: number; indicator: string | null; p: string };
  const [y, m] = period.match(/\d+/g)!;
  expect(note).toMatchObject({ firm: item.firm, indicator: null, p: `${y}-${m!.padStart(2, '0')}` });

  // In the ledger: find it by its text, link it; the drawer shows where it sits and what it says.
  await page.goto(`${workstation.url}#/ledger?item=${item.id}`);
  await expect(page.getByTestId('ledger-drawer-title')).toBeVisible();
  await page.getByTestId('ledger-annotation-pick').click();
  await page.keyboard.type('分流安置');
  await page.locator('.ant-select-item-option').filter({ hasText: '车间停产整顿' }).click();
  await page.getByTestId('ledger-link-annotation').click();
  const linked = page.getByTestId(`ledger-annotation-${note.id}`);
  await expect(linked).toContainText('车间停产整顿，计划分流安置');
  await expect(linked).toContainText(item.name);
  await expect(page.getByTestId('ledger-history')).toContainText(`关联标注 #${note.id}`);
  expect(db.prepare('SELECT item_id FROM ledger_annotation WHERE annotation_id = ?').all(note.id)).toEqual([{ item_id: item.id }]);

  await page.getByTestId(`ledger-unlink-annotation-${note.id}`).click();
  await expect(linked).toHaveCount(0);
  expect(db.prepare('SELECT count(*) AS n FROM ledger_annotation WHERE annotation_id = ?').get(note.id)).toEqual({ n: 0 });
});
