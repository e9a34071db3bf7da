// The sentence around a mention lives in shared, where the forms read it too.
export { mentionSentence } from '../../shared/sentence';
