import { TurnContext, type BotAdapter } from 'botbuilder';
import {
  GPTTokenizer,
  OpenAIModel,
  Prompt,
  TextSection,
  type Memory,
  type PromptFunctions,
  type PromptTemplate,
} from '@microsoft/teams-ai';
import type { Config } from '../config.js';
import type { NarrativeRequest } from '../summary/narrativePrompt.js';
import type { NarrativeWriter } from '../summary/narrativePrompt.js';

/**
 * The optional AI narrative on the summary card, through teams-ai's
 * OpenAIModel (OpenAI, an OpenAI-compatible endpoint, or Azure OpenAI).
 * Unconfigured, there is no writer and the card is complete without it.
 * The prompt is two plain TextSections — no template syntax — so text people
 * wrote cannot inject template variables or functions.
 */
export function createNarrativeWriter(config: Config, adapter: BotAdapter): NarrativeWriter | undefined {
  const model = modelFor(config);
  if (!model) return undefined;
  const tokenizer = new GPTTokenizer();
  return {
    async write(request: NarrativeRequest) {
      const template: PromptTemplate = {
        name: 'meeting-summary',
        prompt: new Prompt([new TextSection(request.instructions, 'system'), new TextSection(request.content, 'user')]),
        config: {
          schema: 1.1,
          type: 'completion',
          completion: {
            completion_type: 'chat',
            frequency_penalty: 0,
            presence_penalty: 0,
            include_history: false,
            include_input: false,
            include_images: false,
            max_tokens: 250,
            max_input_tokens: 6000,
            temperature: 0.2,
            top_p: 1,
          },
        },
      };
      // completePrompt wants a turn; the summary is posted proactively, so it gets a synthetic one.
      const context = new TurnContext(adapter, { type: 'event', name: 'oneOnOne/summary', channelId: 'msteams' });
      const response = await model.completePrompt(context, scratchMemory(), noFunctions, tokenizer, template);
      if (response.status !== 'success') throw new Error(`the model answered "${response.status}"`);
      const content = response.message?.content;
      return typeof content === 'string' ? content : undefined;
    },
  };
}

function modelFor(config: Config): OpenAIModel | undefined {
  if (config.AZURE_OPENAI_ENDPOINT && config.AZURE_OPENAI_API_KEY && config.AZURE_OPENAI_DEPLOYMENT) {
    return new OpenAIModel({
      azureEndpoint: config.AZURE_OPENAI_ENDPOINT,
      azureApiKey: config.AZURE_OPENAI_API_KEY,
      azureDefaultDeployment: config.AZURE_OPENAI_DEPLOYMENT,
      azureApiVersion: '2024-06-01',
      useSystemMessages: true,
      maxRetries: 1,
    });
  }
  if (config.OPENAI_API_KEY) {
    return new OpenAIModel({
      apiKey: config.OPENAI_API_KEY,
      defaultModel: config.OPENAI_MODEL,
      ...(config.OPENAI_BASE_URL ? { endpoint: config.OPENAI_BASE_URL } : {}),
      useSystemMessages: true,
      maxRetries: 1,
    });
  }
  return undefined;
}

function scratchMemory(): Memory {
  const values = new Map<string, unknown>();
  return {
    deleteValue: (path) => void values.delete(path),
    hasValue: (path) => values.has(path),
    getValue: <T>(path: string) => values.get(path) as T,
    setValue: (path, value) => void values.set(path, value),
  };
}

const noFunctions: PromptFunctions = {
  hasFunction: () => false,
  getFunction: (name) => {
    throw new Error(`no prompt function "${name}"`);
  },
  invokeFunction: (name) => Promise.reject(new Error(`no prompt function "${name}"`)),
};
