/**
 * Part 4: a project-wide webhook (scope: project, Platform API) whose test delivery to the local HTTPS
 * receiver is verified, then deleted.
 */
import { pushEvent } from '../github-events.js'
import type { Stage } from './pull-request.js'

export async function projectWebhook(stage: Stage): Promise<void> {
  const { demo, kapso, receiver } = stage
  demo.part(
    4,
    'A project webhook, verified',
    'Shows verify: after creating a project-wide webhook, the action asks Kapso for a signed test delivery and waits for the endpoint to accept it.'
  )
  if (!receiver) {
    demo.note('Skipped: the local HTTPS receiver needs the openssl command to make its certificate.')
    return
  }
  const project = {
    'api-key': kapso.apiKey,
    'api-url': kapso.apiUrl('platform'),
    scope: 'project',
    url: receiver.url('/ok/project'),
    events: 'workflow.execution.failed'
  }
  const push = pushEvent()
  await demo.step({
    title: 'project webhook, verified',
    inputs: { ...project, verify: 'true' },
    event: push,
    expect: { result: 'created', 'delivery-status': 'delivered' }
  })
  await demo.step({
    title: 'delete it',
    inputs: { ...project, operation: 'delete' },
    event: push,
    expect: { result: 'deleted' }
  })
}
