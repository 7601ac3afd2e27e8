// Jobs: the recent background jobs, or one job's live progress (/admin/jobs/{id}).

import { api } from '../api.js';
import { h, clear, pageHead, enc } from '../dom.js';
import { jobPanel, jobTitle } from '../job.js';
import { showError } from '../messages.js';
import { recentJobs } from './crosswalks.js';

export async function render(ctx) {
  if (!ctx.single) {
    ctx.setTitle('Jobs');
    const head = pageHead('Jobs', { sub: 'Re-crosswalks after publishing or rolling back, and retries of quarantined records.' });
    let timer = null;
    ctx.onCleanup(() => clearTimeout(timer));
    const show = async () => {
      const jobs = await api.get('/admin/api/jobs');
      if (!ctx.current()) return;
      clear(ctx.main, head, recentJobs(jobs, 200, { title: 'Latest jobs', allLink: false }));
      if (jobs.some((j) => j.state === 'queued' || j.state === 'running')) {
        timer = setTimeout(() => show().catch((e) => showError(e, 'Jobs')), 2000);
      }
    };
    await show();
    return;
  }
  const id = ctx.params[0];
  ctx.setTitle(`Job ${id}`);
  const job = await api.get(`/admin/api/jobs/${enc(id)}`);
  const panel = jobPanel(job);
  ctx.onCleanup(() => panel.stop());
  clear(ctx.main,
    pageHead(`Job ${job.id}`, {
      crumbs: [['Jobs', '/admin/jobs']],
      sub: [jobTitle(job), job.crosswalk ? [' · ', h('a', { href: `/admin/crosswalks/${enc(job.crosswalk)}` }, 'open the crosswalk')] : null],
    }),
    panel.el);
}
