import { strictEqual } from 'assert';
import { looksLikeWorkflow } from '../../../src/core/model/detect';
import { lines } from './helpers';

describe('model: looksLikeWorkflow', () => {
  it('says yes to a map whose main has steps', () => {
    strictEqual(looksLikeWorkflow(lines('main:', '  params: [a]', '  steps:', '    - x:', '        return: 1')), true);
  });

  it('says yes to a map of routines each with a steps list', () => {
    strictEqual(looksLikeWorkflow(lines('start:', '  steps:', '    - a:', '        call: sub', 'sub:', '  params: [x]', '  steps: []')), true);
  });

  it('says yes to a list of steps with step keywords', () => {
    strictEqual(looksLikeWorkflow(lines('- a:', '    assign:', '      - x: 1', '- b:', '    return: ${x}')), true);
  });

  it('says yes to JSON workflows in both forms', () => {
    strictEqual(looksLikeWorkflow('{"main": {"steps": [{"a": {"return": 1}}]}}'), true);
    strictEqual(looksLikeWorkflow('[{"a": {"call": "sys.log", "args": {"text": "hi"}}}]'), true);
  });

  it('says no to a Kubernetes manifest', () => {
    strictEqual(looksLikeWorkflow(lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: x', 'spec:', '  containers: []')), false);
  });

  it('says no to a multi-document Kubernetes file', () => {
    strictEqual(looksLikeWorkflow(lines('apiVersion: v1', 'kind: Service', '---', 'apiVersion: apps/v1', 'kind: Deployment')), false);
  });

  it('says no to a GitHub Actions workflow', () => {
    const text = lines('name: CI', 'on: [push]', 'jobs:', '  build:', '    runs-on: ubuntu-latest', '    steps:', '      - uses: actions/checkout@v4', '      - run: npm test');
    strictEqual(looksLikeWorkflow(text), false);
  });

  it('says no to a Cloud Build config', () => {
    const text = lines('steps:', '  - name: gcr.io/cloud-builders/docker', '    args: [build, -t, img, .]', 'images: [img]');
    strictEqual(looksLikeWorkflow(text), false);
  });

  it('says no to a Cloud Build config that only has steps', () => {
    strictEqual(looksLikeWorkflow(lines('steps:', '  - name: gcr.io/cloud-builders/gcloud', '    args: [version]')), false);
  });

  it('says no to docker-compose', () => {
    strictEqual(looksLikeWorkflow(lines('version: "3"', 'services:', '  web:', '    image: nginx', '    ports: ["80:80"]')), false);
  });

  it('says no to an OpenAPI document', () => {
    strictEqual(looksLikeWorkflow(lines('openapi: 3.0.0', 'info:', '  title: API', '  version: "1"', 'paths: {}')), false);
  });

  it('says no to package.json', () => {
    strictEqual(looksLikeWorkflow('{"name": "x", "version": "1.0.0", "scripts": {"test": "mocha"}}'), false);
  });

  it('says no to an Ansible task list and to plain lists', () => {
    strictEqual(looksLikeWorkflow(lines('- name: install', '  apt: {name: git}')), false);
    strictEqual(looksLikeWorkflow(lines('- a', '- b')), false);
  });

  it('says no to empty, scalar and broken input', () => {
    strictEqual(looksLikeWorkflow(''), false);
    strictEqual(looksLikeWorkflow('# only a comment\n'), false);
    strictEqual(looksLikeWorkflow('hello'), false);
    strictEqual(looksLikeWorkflow('{"main": '), false);
  });
});
