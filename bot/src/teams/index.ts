import { randomUUID } from 'node:crypto';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { Application, TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import express, { type RequestHandler, type Router } from 'express';
import { ErrorBody } from '../../../domain/api.js';
import type { Clock } from '../clock.js';
import { CARD_VERBS } from '../cards/verbs.js';
import { panelLink } from '../cards/panelLink.js';
import type { CommandContext } from '../commands/context.js';
import type { Config } from '../config.js';
import type { TokenVerifier } from '../identity/index.js';
import type { Logger } from '../logger.js';
import type { BotStore } from '../store/botStore.js';
import { createEffectsProcessor, type EffectsProcessor } from '../effects/processor.js';
import { IncomingActivity } from './activity.js';
import { onAddTopic, onCompleteActionItem, onRefreshPrompt } from './cardActions.js';
import { ConnectorEmulator } from './connectorEmulator.js';
import { devChatRoutes } from './devChat.js';
import { forgetInstall, setUpChat } from './install.js';
import { onMeetingEnded, onMeetingStarted } from './meetingEvents.js';
import { answerMessage } from './message.js';
import { ADD_TO_AGENDA_COMMAND, onFetchAddToAgenda, onSubmitAddToAgenda } from './messageExtension.js';
import { createNarrativeWriter } from './narrative.js';
import { createChatPoster } from './proactive.js';
import type { BotRuntime } from './runtime.js';
import { serviceUrlPolicy } from './serviceUrls.js';
import { onChatMembersChanged } from './membership.js';
import { postOnlyToTheOneOnOne } from './sharingGuard.js';

/**
 * The bot: the only module that imports botbuilder / teams-ai. Everything it
 * decides (cards, prompts, schedule, summaries) is SDK-free and lives in
 * cards/, effects/ and summary/; the files here only translate activities
 * into command calls and cards into activities, one file per Teams feature.
 */
export interface BotDeps {
  config: Config;
  ctx: () => CommandContext;
  /** The prompts repository: the bot's chat bindings and message deliveries. */
  botStore: BotStore;
  clock: Clock;
  logger: Logger;
  /** Dev mode: verifies the local page's dev tokens for /api/dev/chat/invoke. */
  devVerifier?: TokenVerifier;
}

export interface Bot {
  /** POST /api/messages (mount before any body parser or auth of the REST API; it parses its own body). */
  messages: RequestHandler[];
  /**
   * The effects processor (effects/processor.ts): the command context's
   * `effects` runner, and the tick that posts prompts and retries what is due.
   */
  scheduler: EffectsProcessor;
  /** Dev mode only: mount at /api/dev (before the REST API's authentication). */
  devRouter?: Router;
  /** Dev mode only: the in-process connector the local chat is drawn from. */
  devConnector?: ConnectorEmulator;
}

export function createBot(deps: BotDeps): Bot {
  const { config, logger } = deps;
  const instanceId = randomUUID();
  const adapter = new TeamsAdapter({
    ...(config.MicrosoftAppId ? { MicrosoftAppId: config.MicrosoftAppId } : {}),
    ...(config.MicrosoftAppPassword ? { MicrosoftAppPassword: config.MicrosoftAppPassword } : {}),
    ...(config.MicrosoftAppType ? { MicrosoftAppType: config.MicrosoftAppType } : {}),
    ...(config.MicrosoftAppTenantId ? { MicrosoftAppTenantId: config.MicrosoftAppTenantId } : {}),
  });
  const { botStore } = deps;
  const serviceUrls = serviceUrlPolicy(config);
  const poster = postOnlyToTheOneOnOne(createChatPoster(adapter, config.MicrosoftAppId ?? '', serviceUrls), {
    ctx: deps.ctx,
    adapter,
    botAppId: config.MicrosoftAppId ?? '',
    serviceUrls,
  });
  const rt: BotRuntime = {
    config,
    ctx: deps.ctx,
    botStore,
    logger,
    clock: deps.clock,
    panelUrl: (chatId) =>
      panelLink({
        chatId,
        ...(config.TEAMS_APP_ID ? { teamsAppId: config.TEAMS_APP_ID } : {}),
        ...(config.PUBLIC_URL ? { publicUrl: config.PUBLIC_URL } : {}),
      }),
  };

  const app = new Application<TurnState>({
    adapter,
    ...(config.MicrosoftAppId ? { botAppId: config.MicrosoftAppId } : {}),
    startTypingTimer: false,
    longRunningMessages: false,
    removeRecipientMention: true,
  });
  app.activity(ActivityTypes.Message, (context) => answerMessage(rt, context));
  app.activity(ActivityTypes.InstallationUpdate, async (context) => {
    const action = String(context.activity.action ?? '');
    // "remove-upgrade" is part of an update, not an uninstall.
    if (action === 'remove') {
      await forgetInstall(rt, context);
      return;
    }
    if (!action.startsWith('add')) return;
    // Added as a personal app: greet with the person's 1:1s instead of setting up a chat.
    if (context.activity.conversation?.conversationType === 'personal') await answerMessage(rt, context);
    else await setUpChat(rt, context);
  });
  app.conversationUpdate('membersAdded', async (context) => {
    // Teams also sends an installation update for a personal install, answered above: act once.
    if (context.activity.conversation?.conversationType === 'personal') return;
    const botId = context.activity.recipient?.id;
    if (context.activity.membersAdded?.some((m) => m.id === botId)) await setUpChat(rt, context);
    else await onChatMembersChanged(rt, context);
  });
  app.conversationUpdate('membersRemoved', async (context) => {
    const botId = context.activity.recipient?.id;
    // The bot itself removed: the app was uninstalled and Teams will not answer the roster any more.
    if (!context.activity.membersRemoved?.some((m) => m.id === botId)) await onChatMembersChanged(rt, context);
  });
  app.meetings.start((context) => onMeetingStarted(rt, context));
  app.meetings.end((context) => onMeetingEnded(rt, context));
  app.adaptiveCards.actionExecute(CARD_VERBS.addTopic, (context, _state, data) => onAddTopic(rt, context, data));
  app.adaptiveCards.actionExecute(CARD_VERBS.completeActionItem, (context, _state, data) =>
    onCompleteActionItem(rt, context, data),
  );
  app.adaptiveCards.actionExecute(CARD_VERBS.refreshPrompt, (context, _state, data) =>
    onRefreshPrompt(rt, context, data),
  );
  app.messageExtensions.fetchTask(ADD_TO_AGENDA_COMMAND, (context) => onFetchAddToAgenda(rt, context));
  app.messageExtensions.submitAction(ADD_TO_AGENDA_COMMAND, (context, _state, data) =>
    onSubmitAddToAgenda(rt, context, data),
  );
  app.error(async (context: TurnContext, error: Error) => {
    logger.error({ err: error, activityType: context.activity.type }, 'bot turn failed');
  });

  const narrative = createNarrativeWriter(config, adapter);
  const scheduler = createEffectsProcessor({
    store: deps.ctx().store,
    botStore,
    poster,
    ...(narrative ? { narrative } : {}),
    clock: deps.clock,
    logger,
    instanceId,
    leadHours: config.PROMPT_LEAD_HOURS,
    intervalSeconds: config.SCHEDULER_INTERVAL_SECONDS,
    panelUrl: rt.panelUrl,
  });

  const receive: RequestHandler = async (req, res) => {
    const checked = IncomingActivity.safeParse(req.body);
    if (!checked.success) {
      res
        .status(400)
        .json(badActivity(checked.error.issues.map((i) => `${i.path.join('.') || 'activity'}: ${i.message}`)));
      return;
    }
    // Before the SDK sees it: every answer to this activity would go to its serviceUrl.
    if (!serviceUrls.allows(checked.data.serviceUrl)) {
      logger.warn({ serviceUrl: checked.data.serviceUrl }, 'activity refused: service URL not allowed');
      res.status(403).json({
        error: { code: 'forbidden', message: 'This activity names a service URL the bot does not send to.' },
      } satisfies ErrorBody);
      return;
    }
    try {
      await adapter.process(req, res, async (context) => {
        await app.run(context);
      });
    } catch (error) {
      // The adapter throws on activities it cannot read; the caller gets a 400, the service carries on.
      logger.warn({ err: error instanceof Error ? error.message : 'unknown' }, 'activity rejected');
      if (!res.headersSent) res.status(400).json(badActivity([]));
    }
  };

  const devConnector = config.DEV_MODE ? new ConnectorEmulator({ idPrefix: 'local' }) : undefined;
  const devRouter =
    devConnector && deps.devVerifier
      ? devChatRoutes({ rt, scheduler, connector: devConnector, verifier: deps.devVerifier })
      : undefined;

  return {
    messages: [express.json({ limit: '256kb' }), receive],
    scheduler,
    ...(devRouter ? { devRouter } : {}),
    ...(devConnector ? { devConnector } : {}),
  };
}

function badActivity(details: string[]): ErrorBody {
  return {
    error: {
      code: 'invalid',
      message: 'This is not a Bot Framework activity the bot can read.',
      ...(details.length ? { details } : {}),
    },
  };
}
